// The relative links of a Markdown page and the anchors its headings get on GitHub, for the docs tests.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

interface Link {
  /** The target as written: `docs/fleets.md#clusters`, `#settings`. */
  target: string;
  /** The file it points at, relative to the repository (the page itself for `#anchor`). */
  file: string;
  anchor: string | undefined;
}

/** Text outside fenced code blocks and code spans, where `[x](y)` is a link. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Relative links of the page at `page` (relative to `root`); URLs with a scheme are left out. */
export function relativeLinks(root: string, page: string): Link[] {
  const text = prose(readFileSync(join(root, page), 'utf8'));
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1]!)
    .filter((target) => !/^[a-z]+:/i.test(target))
    .map((target) => {
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const file = path === '' ? page : relative(root, join(root, dirname(page), path));
      return { target, file, anchor };
    });
}

/** The anchors GitHub gives a page's headings: lowercased, punctuation dropped, spaces as dashes, repeats numbered. */
export function headingAnchors(root: string, page: string): string[] {
  if (!existsSync(join(root, page))) return [];
  const markdown = readFileSync(join(root, page), 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  const seen = new Map<string, number>();
  return [...markdown.matchAll(/^#{1,6} (.+)$/gm)].map((match) => {
    const slug = match[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replaceAll(' ', '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    return count === 0 ? slug : `${slug}-${count}`;
  });
}
