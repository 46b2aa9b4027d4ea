// The real promtool of each engine headroom is proven on (scripts/engines.ts): every check and scenario runs once per
// engine, with the engine in the test's name. A missing or wrong engine fails the test and says how to install it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { spawnSync } from 'node:child_process';
import { ENGINES, type Engine } from '../../scripts/engines.ts';
import { scenarioForEngine } from './engine-scenario.ts';

export { ENGINES, type Engine };

interface PromtoolResult {
  code: number;
  output: string;
}

const checked = new Set<Engine>();

/** Throws, with the install command, unless the engine's promtool is there and reports the engine's version. */
function assertInstalled(engine: Engine): void {
  if (checked.has(engine)) return;
  const install = `install it with \`${engine.install}\``;
  if (!existsSync(engine.promtool))
    throw new Error(`${engine.name}: promtool not found at ${engine.promtool}; ${install}`);
  const version = spawnSync(engine.promtool, ['--version'], { encoding: 'utf8' });
  const first = `${version.stdout ?? ''}${version.stderr ?? ''}`.split('\n')[0] ?? '';
  if (!new RegExp(`^promtool, version ${engine.version.replaceAll('.', '\\.')}[+ ]`).test(first)) {
    throw new Error(`${engine.name}: ${engine.promtool} reports "${first}", not ${engine.version}; ${install}`);
  }
  checked.add(engine);
}

/**
 * Go's garbage collector at a quarter of its default pace: promtool's runs here are short and small (about 100 MiB at
 * most), and collecting less often takes a quarter off their CPU time; what they compute is the same.
 */
const PROMTOOL_ENV = { ...process.env, GOGC: '400' };

export function promtool(engine: Engine, args: string[], cwd?: string): PromtoolResult {
  assertInstalled(engine);
  const result = spawnSync(engine.promtool, args, { cwd, encoding: 'utf8', env: PROMTOOL_ENV });
  if (result.error)
    throw new Error(`${engine.name}: cannot run ${engine.promtool} (${engine.install}): ${result.error.message}`);
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

/**
 * `promtool test rules` on the engine's reading of a scenario file (items marked for another engine left out),
 * copied into `dir` beside the rule files it names.
 */
export function testRules(
  engine: Engine,
  scenario: string,
  dir: string,
  options: { lagged?: boolean } = {},
): PromtoolResult {
  const name = basename(scenario);
  const text = scenarioForEngine(readFileSync(scenario, 'utf8'), engine.major, scenario);
  writeFileSync(join(dir, name), options.lagged ? lagged(text, dir) : withGroupOrder(text, dir));
  return promtool(engine, ['test', 'rules', name], dir);
}

type RuleFile = { groups?: { name: string; rules: unknown[] }[] };

/** The group names of the scenario's rule files, in file order. */
function groupNames(scenario: { rule_files?: string[] }, dir: string): string[] {
  return (scenario.rule_files ?? []).flatMap((file) =>
    ((parse(readFileSync(join(dir, file), 'utf8')) as RuleFile).groups ?? []).map((group) => group.name),
  );
}

/**
 * The scenario on its rules as vmalert runs them: recorded series are written to the store and read back an evaluation
 * (or more) later, so no rule sees what another recorded in the same evaluation. Here every rule gets a group of its
 * own and the groups run in reverse order: each rule reads what the rules before it recorded a step earlier.
 */
function lagged(text: string, dir: string): string {
  const scenario = parse(text) as { rule_files?: string[]; group_eval_order?: string[] };
  const groups = (scenario.rule_files ?? []).flatMap(
    (file) => (parse(readFileSync(join(dir, file), 'utf8')) as RuleFile).groups ?? [],
  );
  const single = groups.flatMap((group) =>
    group.rules.map((rule, i) => ({ name: `${group.name}/${i}`, rules: [rule] })),
  );
  writeFileSync(join(dir, 'rules-lagged.yaml'), stringify({ groups: single }, { lineWidth: 0 }));
  return stringify(
    { ...scenario, rule_files: ['rules-lagged.yaml'], group_eval_order: single.map((group) => group.name).reverse() },
    { lineWidth: 0 },
  );
}

/**
 * The scenario with a `group_eval_order` when it has none: promtool evaluates the groups of one step in no fixed order
 * otherwise. The teams table and the ownership decisions first, then the other groups in file order, so a scenario
 * sees what a ruler sees once the owners are settled: the decision of the step before (see src/rules/ownership.ts).
 * A scenario about the order itself (a new namespace, a relabel) sets its own.
 */
function withGroupOrder(text: string, dir: string): string {
  const scenario = parse(text) as { rule_files?: string[]; group_eval_order?: string[] };
  if (scenario.group_eval_order !== undefined) return text;
  const groups = groupNames(scenario, dir);
  const rank = (name: string) => (name.startsWith('headroom-teams') ? 0 : name.includes('-ownership') ? 1 : 2);
  const order = [...groups].sort((a, b) => rank(a) - rank(b));
  return `${text.trimEnd()}\ngroup_eval_order: ${JSON.stringify(order)}\n`;
}
