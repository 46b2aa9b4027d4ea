// `headroom import-mixin-config <file.json>`: kubernetes-mixin's `_config` → a headroom config snippet.
import { type Command, Option } from 'commander';
import type { ImportOptions } from '../actions/import-mixin-config.ts';
import type { CommandRun } from '../cli-io.ts';

export function registerImportMixinConfig(program: Command, run: CommandRun): void {
  program
    .command('import-mixin-config')
    .description("map kubernetes-mixin's _config (JSON) to headroom settings; reports what it ignored and why")
    .argument(
      '<file>',
      `kubernetes-mixin's _config as JSON, e.g. from: jsonnet -J vendor -e '(import ` +
        `"kubernetes-mixin/mixin.libsonnet")._config'`,
    )
    .addOption(new Option('--format <format>', 'snippet format').choices(['ts', 'json']).default('ts'))
    .addOption(new Option('-o, --out <file>', 'write the snippet to this file instead of stdout'))
    .action(async (file: string, options: ImportOptions) =>
      (await import('../actions/import-mixin-config.ts')).importMixinConfigAction(file, options, run),
    );
}
