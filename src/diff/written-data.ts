// What a generated YAML file reads back as, from the data it was written from: the diff compares that rather than
// parsing 20 MB of YAML it generated a moment ago (seconds per side on a fleet of 5,000 teams). The data is copied
// as the YAML holds it (undefined entries dropped; nearly always the data itself, which the diff only reads), every
// string a string (headroom's writers quote whatever the diff's YAML 1.2 would read as another type:
// test/diff/written-data.test.ts). Anything but plain data: undefined, meaning "parse the text".

/** The value parsing the file's text gives, or undefined where only parsing it can tell. */
export function readBack(data: unknown): unknown {
  const found = shape(data);
  // Usually the data as it is (the diff only reads it); copied where undefined entries must go.
  return found === 'plain' ? data : found === 'with undefined' ? withoutUndefined(data) : undefined;
}

type Shape = 'plain' | 'with undefined' | 'other';

/** Whether the value is plain data (objects, arrays, strings, numbers, booleans, null), undefined entries aside. */
function shape(value: unknown): Shape {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null)
    return 'plain';
  let found: Shape = 'plain';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      // An undefined item is written as null by some writers and refused by others: the text tells.
      if (value[i] === undefined) return 'other';
      const item = shape(value[i]);
      if (item === 'other') return 'other';
      if (item === 'with undefined') found = item;
    }
    return found;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && !('toJSON' in value)) {
    for (const key in value) {
      if (key === '__proto__') return 'other';
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined) found = 'with undefined';
      else {
        const inner = shape(item);
        if (inner === 'other') return 'other';
        if (inner === 'with undefined') found = inner;
      }
    }
    return found;
  }
  return 'other';
}

function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, item]) => (item === undefined ? [] : [[key, withoutUndefined(item)]])),
  );
}
