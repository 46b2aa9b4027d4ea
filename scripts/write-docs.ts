// `npm run docs`: fills the generated reference tables of docs/ from the zod schemas (scripts/docs-reference.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderDocs } from './docs-reference.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const changed = renderDocs(root).filter((page) => page.rendered !== page.committed);
for (const page of changed) writeFileSync(join(root, page.path), page.rendered);
console.log(changed.length === 0 ? 'docs: up to date' : `docs: wrote ${changed.map((page) => page.path).join(', ')}`);
