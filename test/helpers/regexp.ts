/**
 * One regular expression from parts written one after the other, so that a long expected message can be matched
 * whole over several lines: `joined(/^a\.yaml:1:\d+: /, /key: must be …$/)` is `/^a\.yaml:1:\d+: key: must be …$/`.
 * The flags are the first part's.
 */
export function joined(...parts: [RegExp, ...RegExp[]]): RegExp {
  return new RegExp(parts.map((part) => part.source).join(''), parts[0].flags);
}
