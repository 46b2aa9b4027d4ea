// The real promtool of each engine headroom is proven on (scripts/engines.ts): every check and scenario runs once per
// engine, with the engine in the test's name. A missing or wrong engine fails the test and says how to install it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ENGINES, type Engine } from '../../scripts/engines.ts';
import { scenarioForEngine } from './engine-scenario.ts';

export { ENGINES, type Engine };

export interface PromtoolResult {
  code: number;
  output: string;
}

const checked = new Set<Engine>();

/** Throws, with the install command, unless the engine's promtool is there and reports the engine's version. */
function assertInstalled(engine: Engine): void {
  if (checked.has(engine)) return;
  const install = `install it with \`${engine.install}\``;
  if (!existsSync(engine.promtool)) throw new Error(`${engine.name}: promtool not found at ${engine.promtool}; ${install}`);
  const version = spawnSync(engine.promtool, ['--version'], { encoding: 'utf8' });
  const first = `${version.stdout ?? ''}${version.stderr ?? ''}`.split('\n')[0] ?? '';
  if (!new RegExp(`^promtool, version ${engine.version.replaceAll('.', '\\.')}[+ ]`).test(first)) {
    throw new Error(`${engine.name}: ${engine.promtool} reports "${first}", not ${engine.version}; ${install}`);
  }
  checked.add(engine);
}

export function promtool(engine: Engine, args: string[], cwd?: string): PromtoolResult {
  assertInstalled(engine);
  const result = spawnSync(engine.promtool, args, { cwd, encoding: 'utf8' });
  if (result.error) throw new Error(`${engine.name}: cannot run ${engine.promtool} (${engine.install}): ${result.error.message}`);
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

/**
 * `promtool test rules` on the engine's reading of a scenario file (items marked for another engine left out),
 * copied into `dir` beside the rule files it names.
 */
export function testRules(engine: Engine, scenario: string, dir: string): PromtoolResult {
  const name = basename(scenario);
  writeFileSync(join(dir, name), scenarioForEngine(readFileSync(scenario, 'utf8'), engine.major, scenario));
  return promtool(engine, ['test', 'rules', name], dir);
}
