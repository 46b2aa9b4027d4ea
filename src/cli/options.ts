// Options several commands share.
import { resolve } from 'node:path';
import { InvalidArgumentError, Option } from 'commander';

export interface ConfigOptions {
  config: string;
  out?: string;
}

export const DEFAULT_CONFIG = 'headroom.config.ts';

export const configOption = () => new Option('-c, --config <path>', 'config file').default(DEFAULT_CONFIG);
export const outOption = () =>
  new Option('-o, --out <dir>', "output folder (default: the config's output.dir)").argParser((value: string) => {
    // An empty --out (an unset shell variable) would otherwise mean "the default folder" without a word.
    if (value.trim() === '')
      throw new InvalidArgumentError('it is empty: name a folder, or leave --out out to use output.dir.');
    return value;
  });

/** --config and --out as absolute paths: relative ones are read against the working directory the run was given. */
export function againstWorkingDirectory(options: ConfigOptions, cwd: string): ConfigOptions {
  return {
    config: resolve(cwd, options.config),
    ...(options.out === undefined ? {} : { out: resolve(cwd, options.out) }),
  };
}
