// What a generated YAML file reads back as, from the data it was written from: the diff compares that rather than
// parsing 20 MB of YAML it generated a moment ago (seconds per side on a fleet of 5,000 teams). The data is copied
// as the YAML holds it: undefined entries dropped, every string a string (headroom's writers quote whatever the diff's
// YAML 1.2 would read as another type: test/diff/written-data.test.ts). Anything but plain data: undefined, meaning
// "parse the text".

class NotPlain extends Error {}

/** The value parsing the file's text gives, or undefined where only parsing it can tell. */
export function readBack(data: unknown): unknown {
  try {
    return copy(data);
  } catch (error) {
    if (error instanceof NotPlain) return undefined;
    throw error;
  }
}

function copy(value: unknown): unknown {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null)
    return value;
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      if (value[i] === undefined) throw new NotPlain();
      items.push(copy(value[i]));
    }
    return items;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && !('toJSON' in value)) {
    const entries: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (key === '__proto__') throw new NotPlain();
      if (item !== undefined) entries[key] = copy(item);
    }
    return entries;
  }
  throw new NotPlain();
}
