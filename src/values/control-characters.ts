// Characters a value must not carry into a rule file, an alert or a notification line: C0 and C1 controls, DEL and
// the Unicode line and paragraph separators. They break the line they land on, or hide in it.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}
