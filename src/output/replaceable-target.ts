// `generate` replaces its output folder whole. It must never replace something headroom did not write: a mistyped
// `--out .`, `--out ..`, `--out /` or `--out headroom.config.ts` would otherwise delete the user's files, and a
// README someone put into generated/ would vanish without a word.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, parse, relative } from 'node:path';
import { displayPath } from '../config/display-path.ts';
import { capped, type OutTarget, refusal } from './out-target.ts';
import { isGeneratedFolder, NOT_GENERATED } from './generated-folder.ts';
import { strayFiles } from './stray-files.ts';

const ADVICE =
  '; headroom replaces its output folder whole, so it will not write there (pick another --out / output.dir)';

/**
 * Throws unless the real folder is absent, an empty folder, or a folder headroom generated (its settings file says
 * so) holding only files headroom wrote; and never the filesystem root, the home folder, or a folder holding the
 * config file.
 */
export function assertReplaceable(target: OutTarget): void {
  const { real } = target;
  const linked = target.link === undefined ? '' : `(a link to ${capped(target.link)}) `;
  const refuse = (why: string, advice = ADVICE) => {
    throw refusal(target, `${linked}${why}${advice}`);
  };
  if (parse(real).root === real) refuse('is the filesystem root');
  if (real === safeRealpath(homedir())) refuse('is the home folder');
  const { configFile } = target.source;
  if (configFile !== undefined && isSameOrInside(safeRealpath(dirname(configFile)), real)) {
    refuse(`holds the config file (${capped(displayPath(configFile))})`);
  }
  if (!existsSync(real)) return;
  if (!statSync(real).isDirectory())
    refuse('is a file, not a folder', ' (remove it or pick another --out / output.dir)');
  if (readdirSync(real).length === 0) return;
  if (!isGeneratedFolder(real)) refuse(`is ${NOT_GENERATED}`);
  const strays = strayFiles(real);
  if (strays.length > 0) {
    const named =
      strays
        .slice(0, 5)
        .map((path) => capped(path))
        .join(', ') + (strays.length > 5 ? ` and ${strays.length - 5} more` : '');
    const [them, files] = strays.length === 1 ? ['it', 'a file'] : ['them', `${strays.length} files`];
    refuse(
      `holds ${files} headroom did not write (${named})`,
      `; headroom replaces this folder whole and will not delete ${them}: move ${them} out of it`,
    );
  }
}

/** Whether `inner` is `outer` or below it. */
function isSameOrInside(inner: string, outer: string): boolean {
  const path = relative(outer, inner);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

function safeRealpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
