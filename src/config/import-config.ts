// Runs the user's config module (TypeScript or JavaScript, through jiti: no build step) and returns what it exports
// by default: the settings object, or what a default-exported promise resolves to, copied into plain data.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configSnapshot } from './config-snapshot.ts';
import { InputError, type Locator } from './input-error.ts';
import { loadFailure } from './load-failure.ts';
import { configTimeoutMs, guardedLoad } from './load-guard.ts';
import { shownText } from './shown-text.ts';

/** src/index.ts, or dist/index.js when this module runs compiled (bin/headroom.js picks which). */
const HEADROOM_ENTRY = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? '../index.ts' : '../index.js', import.meta.url),
);

const EXAMPLE = 'export default defineConfig({...})';

export async function importConfig(
  configFile: string,
  shown: string,
  sourceText: string,
  locate: Locator,
): Promise<unknown> {
  const timeoutMs = configTimeoutMs();
  // jiti compiles the user's TypeScript config; it is only needed here, so it is imported here.
  const { createJiti } = await import('jiti');
  // `import { defineConfig } from 'headroom'` resolves to this copy of headroom wherever the config lives
  // (a temp dir for `diff --base`, a repo without headroom in node_modules).
  // Its transpiled output is cached (keyed by path and content, so an edit is never missed): babel costs a fifth
  // of a second a run. Not for throwaway copies under the temp folder (`diff --base`, tests), which would only
  // leave one cache file each behind.
  // interopDefault off: the module as it is, so a missing default export is seen (not the module object instead).
  const fsCache = !configFile.startsWith(join(tmpdir(), '/'));
  const jiti = createJiti(import.meta.url, {
    moduleCache: false,
    fsCache,
    interopDefault: false,
    alias: { headroom: HEADROOM_ENTRY },
  });
  let module: Record<string, unknown>;
  let value: unknown;
  try {
    [module, value] = await guardedLoad(async () => {
      const loaded = (await jiti.import(configFile)) as Record<string, unknown>;
      // A default-exported promise (an async lookup) is awaited under the same guards and time limit, and its
      // getters and proxies are read there too.
      return [loaded, configSnapshot(await loaded.default)] as const;
    }, timeoutMs);
  } catch (error) {
    throw new InputError([loadFailure(error, configFile, shown, sourceText)]);
  }
  if (!('default' in module)) {
    throw new InputError([{ file: shown, message: `must have a default export: ${EXAMPLE}` }]);
  }
  const wrong = notSettings(value);
  if (wrong) throw new InputError([{ file: shown, ...positionOf(locate), message: wrong }]);
  return value;
}

function notSettings(value: unknown): string | undefined {
  if (typeof value === 'function')
    return `the default export is a function; export the settings object itself: ${EXAMPLE}`;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return undefined;
  return `the default export must be the settings object (${EXAMPLE}), got ${described(value)}`;
}

function described(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string "${shownText(value, 40)}"`;
  return `${typeof value} ${shownText(String(value), 40)}`;
}

function positionOf(locate: Locator): { position?: { line: number; column: number } } {
  const position = locate([]);
  return position ? { position } : {};
}
