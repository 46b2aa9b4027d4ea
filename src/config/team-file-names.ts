// Which entries of the teams folder are team files. Names ending in `.yaml` or `.yml` are; dot-files are skipped
// (editors' lock and swap files such as `.#payments.yaml`, hidden files); `x.YAML` or `x.Yml` is refused rather than
// skipped, so a team file is never ignored silently; a name with control characters is refused (it could forge a line
// of the error output).
import { hasInvisible } from './shown-text.ts';

type TeamFileName = { name: string; load: true } | { name: string; load: false; problem: string };

export function teamFileNames(entries: readonly string[]): TeamFileName[] {
  const named: TeamFileName[] = [];
  for (const name of [...entries].sort()) {
    if (name.startsWith('.') || !/\.ya?ml$/i.test(name)) continue;
    if (hasInvisible(name)) named.push({ name, load: false, problem: 'file name holds control characters: rename it' });
    else if (!/\.ya?ml$/.test(name))
      named.push({
        name,
        load: false,
        problem:
          `team files end in .yaml or .yml in lower case: rename it to ` +
          `${name.replace(/\.ya?ml$/i, (ext) => ext.toLowerCase())}`,
      });
    else named.push({ name, load: true });
  }
  return named;
}
