// Text from an input file or folder as an error message shows it: one line, control and bidi characters escaped,
// at most 80 characters. A message must never print a whole file or a long secret-looking value, nor let a file
// name forge a second line of output.
const SHOWN_TEXT_MAX = 80;

export function shownText(text: string, max = SHOWN_TEXT_MAX): string {
  const escaped = escapeInvisible(text);
  return escaped.length <= max ? escaped : `${escaped.slice(0, max - 1)}…`;
}

/** Control characters as JSON escapes (`\n`, `\u001b`), and the bidi overrides that reorder what a reader sees. */
export function escapeInvisible(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (char) => {
    const json = JSON.stringify(char).slice(1, -1);
    return json.startsWith('\\') ? json : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

export function hasInvisible(text: string): boolean {
  return escapeInvisible(text) !== text;
}
