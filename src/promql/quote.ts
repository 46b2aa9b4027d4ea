// PromQL string literals as the engines read them (Go's escapes in a double-quoted string): a backslash and a double
// quote escaped, line breaks and tabs by name, other invisible characters that YAML refuses or reads as line breaks
// (C0 and C1 controls, DEL, U+2028/2029, U+FEFF, U+FFFE/FFFF) as \uHHHH, everything else as it is (UTF-8). The printed
// PromQL is then safe in any YAML scalar, whatever the YAML writer does with such characters.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NAMED: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `value` as a double-quoted PromQL string literal. */
export function quote(value: string): string {
  if (LONE_SURROGATE.test(value))
    throw new Error(`PromQL: string ${JSON.stringify(value)} has a lone surrogate; PromQL strings are UTF-8`);
  const escaped = value.replace(
    /[\\"\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (char) => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `"${escaped}"`;
}
