// The command `check` tells the user to run. `npm run generate` exists only in headroom's own package.json; in a
// repository that installs headroom (and in headroom's own checkout) `npx headroom generate` runs the installed
// copy. It repeats the --config and --out that `check` was given, so that it regenerates what was checked.
import { DEFAULT_CONFIG, type ConfigOptions } from './options.ts';

export function generateCommand(options: ConfigOptions): string {
  const words = ['npx', 'headroom', 'generate'];
  if (options.config !== DEFAULT_CONFIG) words.push('--config', options.config);
  if (options.out !== undefined) words.push('--out', options.out);
  return words.map(shellWord).join(' ');
}

/** A word as a POSIX shell reads it back: bare when it holds only safe characters, else in single quotes. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}
