// Finds, among many keys, those compatible with one of them: a key that is a prefix of it, or that starts with it.
// Two globs can only match a common name if their literal prefixes (the characters before the first wildcard) are
// compatible in this sense, and likewise their literal suffixes read backwards; exact names are their own prefix.
// Keys are sorted once, so that the keys starting with a key sit in one range after it and the keys it starts with
// form a chain of parents: no pair of keys is ever compared.

export class LiteralIndex {
  /** Ids in key order (ties in id order). */
  private readonly order: number[];
  /**
   * Per distinct key, in key order: where its ids start in `order`, where the keys starting with it end, its longest
   * proper prefix among the keys (-1: none).
   */
  private readonly start: number[] = [];
  private readonly end: number[] = [];
  private readonly parent: number[] = [];
  /** How many ids have this distinct key. */
  private readonly size: number[] = [];
  /** How many ids have a key that is a proper prefix of this distinct key. */
  private readonly shorterCount: number[] = [];
  /** Id → its distinct key. */
  private readonly keyOf: number[];

  constructor(keys: readonly string[]) {
    this.order = keys.map((_, id) => id).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
    this.keyOf = new Array<number>(keys.length);
    const distinct: string[] = [];
    const open: number[] = [];
    this.order.forEach((id, position) => {
      const key = keys[id]!;
      if (distinct.at(-1) === key) {
        this.keyOf[id] = distinct.length - 1;
        this.size[distinct.length - 1]! += 1;
        return;
      }
      const group = distinct.push(key) - 1;
      this.keyOf[id] = group;
      // Groups still open are this key's prefixes or were passed: close every group this key does not start with.
      while (open.length > 0 && !key.startsWith(distinct[open.at(-1)!]!)) this.end[open.pop()!] = position;
      const parent = open.at(-1) ?? -1;
      this.start[group] = position;
      this.size[group] = 1;
      this.parent[group] = parent;
      // A parent's ids all come before its first extension, so its size is final here.
      this.shorterCount[group] = parent === -1 ? 0 : this.shorterCount[parent]! + this.size[parent]!;
      open.push(group);
    });
    for (const group of open) this.end[group] = keys.length;
  }

  /** How many ids `compatible(id)` returns, without listing them. */
  countCompatible(id: number): number {
    const group = this.keyOf[id]!;
    return this.shorterCount[group]! + this.end[group]! - this.start[group]!;
  }

  /** Ids whose key is a prefix of id's key or starts with it (id itself included). */
  compatible(id: number): number[] {
    const group = this.keyOf[id]!;
    const ids = this.order.slice(this.start[group], this.end[group]);
    for (let parent = this.parent[group]!; parent !== -1; parent = this.parent[parent]!) {
      for (let position = this.start[parent]!; position < this.start[parent]! + this.size[parent]!; position++)
        ids.push(this.order[position]!);
    }
    return ids;
  }
}
