// PromQL string literals as the engines read them (Go's escapes in a double-quoted string): a backslash and a double
// quote escaped, line breaks and tabs by name, other control characters as \xHH, everything else as it is (UTF-8).

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NAMED: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `value` as a double-quoted PromQL string literal. */
export function quote(value: string): string {
  if (LONE_SURROGATE.test(value))
    throw new Error(`PromQL: string ${JSON.stringify(value)} has a lone surrogate; PromQL strings are UTF-8`);
  const escaped = value.replace(
    /[\\"\u0000-\u001f\u007f]/g,
    (char) => NAMED[char] ?? `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  return `"${escaped}"`;
}
