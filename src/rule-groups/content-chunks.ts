// Splits a sorted list into chunks that each fit a size budget, at places the content chooses: a chunk starts at an
// item whose key hashes to 0 modulo a fixed number (content-defined chunking, as backup tools cut files). Adding or
// removing an item moves only the items of its own chunk's neighbourhood, never shifts every later boundary as
// cutting by running size would: a team added to a fleet of thousands leaves the other PrometheusRule objects as they
// were. A list that fits the budget whole stays one chunk; a chunk still too big is cut again, by a second hash.
import { byCodePoint } from '../values/ordering.ts';

interface Chunk<T> {
  /** The key the chunk starts at; '' for the first. */
  from: string;
  items: T[];
}

/** FNV-1a, 32 bits: a hash that is the same on every machine and every run. */
function hash(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

interface ChunkSizes<T> {
  key: (item: T) => string;
  size: (item: T) => number;
  budget: number;
  /**
   * On average one boundary every this many distinct keys (then every quarter as many inside a chunk still too big):
   * fixed, so boundaries do not move with the fleet's size; about a third of what fits the budget.
   */
  spacing: number;
}

/**
 * `items` (any order) as chunks in key order, each of `size` at most `budget` where the content allows: items of one
 * key stay together, and one key's items larger than the budget make a chunk of their own.
 */
export function contentChunks<T>(items: readonly T[], sizes: ChunkSizes<T>): Chunk<T>[] {
  const sorted = [...items].sort((a, b) => byCodePoint(sizes.key(a), sizes.key(b)));
  return split({ from: '', items: sorted }, sizes, 0);
}

function split<T>(chunk: Chunk<T>, sizes: ChunkSizes<T>, depth: number): Chunk<T>[] {
  const { key, size, budget } = sizes;
  const total = chunk.items.reduce((sum, item) => sum + size(item), 0);
  const keys = new Set(chunk.items.map(key));
  if (total <= budget || keys.size <= 1) return [chunk];
  const spacing = Math.max(1, Math.floor(sizes.spacing / 4 ** depth));
  const chunks: Chunk<T>[] = [];
  let current: Chunk<T> = { from: chunk.from, items: [] };
  let previousKey: string | undefined;
  for (const item of chunk.items) {
    const itemKey = key(item);
    const starts = itemKey !== previousKey && current.items.length > 0 && hash(itemKey, depth) % spacing === 0;
    if (starts) {
      chunks.push(current);
      current = { from: itemKey, items: [] };
    }
    current.items.push(item);
    previousKey = itemKey;
  }
  chunks.push(current);
  // No boundary fell inside (few keys, or bad luck): cut again with the next hash, which spaces boundaries closer.
  if (chunks.length === 1) return split(chunk, sizes, depth + 1);
  return chunks.flatMap((part) => split(part, sizes, depth + 1));
}
