// What makes a folder one headroom generated: its settings file (headroom-settings.yaml) is a plain file that begins
// with headroom's generated-file notice. `generate` replaces only such a folder; `diff` compares only such folders.
import { existsSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { SETTINGS_MANIFEST_PATH } from './settings-manifest.ts';
import { beginsWithNotice } from './stray-files.ts';

/** Why a folder does not count, as the refusals word it. */
export const NOT_GENERATED = `a folder headroom did not generate (no ${SETTINGS_MANIFEST_PATH} with headroom's header)`;

export function isGeneratedFolder(dir: string): boolean {
  const manifest = join(dir, SETTINGS_MANIFEST_PATH);
  return existsSync(manifest) && lstatSync(manifest).isFile() && beginsWithNotice(manifest);
}
