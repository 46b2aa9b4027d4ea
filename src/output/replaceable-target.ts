// `generate` replaces its output folder whole. It must never replace something headroom did not write: a mistyped
// `--out .` or `--out headroom.config.ts` would otherwise delete the user's files.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath } from '../config/display-path.ts';
import { InputError } from '../config/input-error.ts';
import { GENERATED_NOTICE } from './header.ts';
import { SETTINGS_MANIFEST_PATH } from './settings-manifest.ts';

/** Throws unless `target` is absent, an empty folder, or a folder headroom generated (its settings file says so). */
export function assertReplaceable(target: string): void {
  if (!existsSync(target)) return;
  const shown = displayPath(target);
  const refuse = (why: string) => {
    throw new InputError([{ file: shown, key: '--out', message: `${why}; headroom replaces its output folder whole, so it will not write there (remove it or pick another --out / output.dir)` }]);
  };
  if (!statSync(target).isDirectory()) refuse('is a file, not a folder');
  if (readdirSync(target).length === 0) return;
  const manifest = join(target, SETTINGS_MANIFEST_PATH);
  if (!existsSync(manifest) || !readFileSync(manifest, 'utf8').includes(GENERATED_NOTICE)) {
    refuse(`is a folder headroom did not generate (no ${SETTINGS_MANIFEST_PATH} with headroom's header)`);
  }
}
