// Options several commands share.
import { Option } from 'commander';

export interface ConfigOptions {
  config: string;
  out?: string;
}

export const configOption = () => new Option('-c, --config <path>', 'config file').default('headroom.config.ts');
export const outOption = () => new Option('-o, --out <dir>', "output folder (default: the config's output.dir)");
