// Hostile input, values inside the config and team files: thresholds, durations, selectors, namespace and node
// patterns, team label names and values. Each is refused at file:line:col with its key (exit 2, nothing written), or
// accepted and then shown to reach the output only as an inert string; values that are valid but quietly disable
// alerting are warnings (`file:line:col: key: warning: …` on stderr, exit 0, output written).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.ts';
import { listFiles } from '../../src/output/list-files.ts';
import { ruleGroupsOf, writeRuleFile } from '../helpers/generate-fixture.ts';
import { expectRefused, generatedProject, type HostileProject } from '../helpers/hostile.ts';
import { ENGINES, promtool } from '../helpers/promtool.ts';
import { runCli } from '../helpers/run-cli.ts';
import { type TempProject, tempProject } from '../helpers/temp-project.ts';
import { joined } from '../helpers/regexp.ts';

// teams/payments.yaml of the example, line by line:
// 1 name: payments
// 2 namespaces: [payments, payments-*]
// 3 labels: { slack_channel: "#payments-oncall" }
// 4 alerts:
// 5   containerMemoryNearLimit: { threshold: 0.95, for: 10m }
const PAYMENTS = 'teams/payments.yaml';

let project: HostileProject;
const original: Record<string, string> = {};

beforeAll(async () => {
  project = await generatedProject();
  for (const file of ['headroom.config.ts', PAYMENTS, 'teams/search.yaml']) original[file] = project.read(file);
});

afterEach(() => {
  for (const [file, text] of Object.entries(original)) project.write(file, text);
});

/** teams/payments.yaml with `from` replaced by `to` (which must change it). */
function payments(from: string, to: string): string {
  const text = original[PAYMENTS]!.replace(from, to);
  expect(text, `${from} is in the team file`).not.toBe(original[PAYMENTS]);
  return text;
}

/** teams/payments.yaml with one more alert override on line 6. */
function paymentsWithLine6(override: string): string {
  return `${original[PAYMENTS]}  ${override}\n`;
}

/** headroom.config.ts with `selectors: { cadvisor: <text> }` on line 6 (after `defaultTeam`, line 5). */
function configWithSelector(selector: string): string {
  const text = original['headroom.config.ts']!.replace(
    "  defaultTeam: 'platform',\n",
    `  defaultTeam: 'platform',\n  selectors: { cadvisor: ${JSON.stringify(selector)} },\n`,
  );
  expect(text).not.toBe(original['headroom.config.ts']);
  return text;
}

let example: Promise<ReadonlyMap<string, string>> | undefined;
/** The example's generated tree, in memory. */
function exampleTree(): Promise<ReadonlyMap<string, string>> {
  example ??= generate(join(tempProject('example').dir, 'headroom.config.ts')).then((generation) => generation.tree);
  return example;
}

async function refusedTeam(text: string, ...expected: (string | RegExp)[]): Promise<void> {
  project.write(PAYMENTS, text);
  await expectRefused(project, ['generate'], ...expected);
}

/** Runs `generate` on a fresh copy of the example with these files (accepted cases change generated/). */
async function accepted(files: Record<string, string>): Promise<{
  fresh: TempProject;
  stderr: string;
  generated: Record<string, string>;
}> {
  const fresh = tempProject('example');
  for (const [file, text] of Object.entries(files)) fresh.write(file, text);
  const result = await runCli(['generate'], fresh.dir);
  expect(result.code, result.stderr).toBe(0);
  const generated = Object.fromEntries(
    listFiles(join(fresh.dir, 'generated')).map((path) => [path, fresh.read(`generated/${path}`)]),
  );
  expect(Object.keys(generated).length).toBeGreaterThan(5);
  return { fresh, stderr: result.stderr, generated };
}

interface Rule {
  alert?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
}

/** The alerting rules named `alert` in the generated PrometheusRule objects. */
function alertRules(generated: Record<string, string>, alert: string): Rule[] {
  return Object.entries(generated)
    .filter(([path]) => path.startsWith('prometheus-rules/'))
    .flatMap(([, text]) => (parse(text) as { spec: { groups: { rules: Rule[] }[] } }).spec.groups)
    .flatMap((group) => group.rules.filter((rule) => rule.alert === alert));
}

/** A parsed generated file: YAML documents or JSON; other formats as text. */
function parsed(path: string, text: string): unknown {
  if (path.endsWith('.json')) return JSON.parse(text) as unknown;
  if (path.endsWith('.yaml')) return parseAllDocuments(text).map((document) => document.toJS() as unknown);
  return text;
}

/** The document with every string `value` under key `label` replaced by `by`; counts the replacements. */
function replaceLabelValue(
  document: unknown,
  label: string,
  value: string,
  by: string,
  count: { n: number },
  key = '',
): unknown {
  if (typeof document === 'string' && key === label && document === value) {
    count.n += 1;
    return by;
  }
  if (Array.isArray(document)) return document.map((item) => replaceLabelValue(item, label, value, by, count, key));
  if (document !== null && typeof document === 'object') {
    return Object.fromEntries(
      Object.entries(document).map(([k, v]) => [k, replaceLabelValue(v, label, value, by, count, k)]),
    );
  }
  return document;
}

/**
 * The value reaches the output only as the whole string of the `label` entries that held the example's value: put
 * the example's value back there and every generated file, parsed, is the example's own (no added PromQL, key or
 * Go template anywhere). Returns how many places hold it.
 */
function expectOnlyAsLabelValue(
  tree: ReadonlyMap<string, string>,
  baseline: ReadonlyMap<string, string>,
  label: string,
  value: string,
  exampleValue: string,
): number {
  expect([...tree.keys()].sort()).toEqual([...baseline.keys()].sort());
  const count = { n: 0 };
  for (const [path, text] of tree) {
    const restored = replaceLabelValue(parsed(path, text), label, value, exampleValue, count);
    expect(restored, path).toEqual(parsed(path, baseline.get(path)!));
  }
  return count.n;
}

describe('thresholds', () => {
  it('threshold .nan (YAML NaN) says NaN, not "number null"', async () => {
    await refusedTeam(
      payments('threshold: 0.95', 'threshold: .nan'),
      'teams/payments.yaml:5:31: alerts.containerMemoryNearLimit.threshold: must be a number, got NaN',
    );
  });

  it('threshold .inf (YAML infinity)', async () => {
    await refusedTeam(
      payments('threshold: 0.95', 'threshold: .inf'),
      'teams/payments.yaml:5:31: alerts.containerMemoryNearLimit.threshold: must be a number, got Infinity',
    );
  });

  it('threshold -0.5 (negative)', async () => {
    await refusedTeam(
      payments('threshold: 0.95', 'threshold: -0.5'),
      'teams/payments.yaml:5:31: alerts.containerMemoryNearLimit.threshold: must be greater than 0',
    );
  });

  it('threshold "0.85" (a number as a quoted YAML string) is refused, not converted', async () => {
    await refusedTeam(
      payments('threshold: 0.95', 'threshold: "0.85"'),
      'teams/payments.yaml:5:31: alerts.containerMemoryNearLimit.threshold: must be a number, got the string "0.85"',
    );
  });

  it('a string value of 10,000 characters is echoed capped at 80 characters', async () => {
    project.write(PAYMENTS, payments('threshold: 0.95', `threshold: "${'9'.repeat(10_000)}"`));
    const refused = await expectRefused(
      project,
      ['generate'],
      `teams/payments.yaml:5:31: alerts.containerMemoryNearLimit.threshold: must be a number, got the string ` +
        `"${'9'.repeat(78)}…`,
    );
    expect(refused.stderr.length).toBeLessThan(400);
  });
});

describe('durations', () => {
  it('window: 0s (Prometheus refuses a range of 0)', async () => {
    await refusedTeam(
      paymentsWithLine6('containerOOMKilled: { window: 0s }'),
      'teams/payments.yaml:6:25: alerts.containerOOMKilled.window: must be longer than 0',
    );
  });

  it('for: -5m (negative)', async () => {
    await refusedTeam(
      payments('for: 10m', 'for: -5m'),
      'teams/payments.yaml:5:48: alerts.containerMemoryNearLimit.for: must be a Prometheus duration such as 30s, 5m ' +
        'or 1h30m',
    );
  });

  it('for: 1y (capped at 1w)', async () => {
    await refusedTeam(
      payments('for: 10m', 'for: 1y'),
      'teams/payments.yaml:5:48: alerts.containerMemoryNearLimit.for: must be at most 1w: the alert would fire that ' +
        'long after the condition starts',
    );
  });

  it('window: 1y (capped at 1d: every evaluation re-reads the window)', async () => {
    await refusedTeam(
      paymentsWithLine6('containerOOMKilled: { window: 1y }'),
      'teams/payments.yaml:6:25: alerts.containerOOMKilled.window: must be at most 1d',
    );
  });

  it('window: 999999999999y (past the range Prometheus can hold)', async () => {
    await refusedTeam(
      paymentsWithLine6('containerOOMKilled: { window: 999999999999y }'),
      'teams/payments.yaml:6:25: alerts.containerOOMKilled.window: must be at most 1d',
    );
  });

  it('leak horizon: 1y and lookback: 0s', async () => {
    await refusedTeam(
      paymentsWithLine6('containerMemoryLeak: { horizon: 1y, lookback: 0s }'),
      'teams/payments.yaml:6:26: alerts.containerMemoryLeak.horizon: must be at most 4w',
      /teams\/payments\.yaml:6:\d+: alerts\.containerMemoryLeak\.lookback: must be longer than 0/,
    );
  });

  it('for: 5m30s (a valid compound duration) is accepted and reaches the rule as written', async () => {
    const { generated, stderr } = await accepted({ [PAYMENTS]: payments('for: 10m', 'for: 5m30s') });
    expect(stderr).toBe('');
    const owned = alertRules(generated, 'ContainerMemoryNearLimit').filter((rule) =>
      rule.expr.includes('"for=5m30s,severity=warning"'),
    );
    expect(owned.map((rule) => rule.for)).toEqual(['5m30s']);
  });

  it('for: 0s (fire at once) is accepted', async () => {
    const { generated } = await accepted({ [PAYMENTS]: payments('for: 10m', 'for: 0s') });
    const owned = alertRules(generated, 'ContainerMemoryNearLimit').filter((rule) =>
      rule.expr.includes('"for=0s,severity=warning"'),
    );
    expect(owned.map((rule) => rule.for)).toEqual(['0s']);
  });
});

describe('team labels', () => {
  it.each([
    ['bad-name', 'must be a Prometheus label name'],
    ['1abc', 'must be a Prometheus label name'],
    ['__reserved', 'must not start with __'],
    ['ünï', 'must be a Prometheus label name'],
    ['rule_group', 'is set by headroom'],
    // Labels the rules set or join on: the team's value would replace the rules' own (evidence, container_type) on
    // its alerts, or be overwritten by them (threshold, lookback, horizon) — refused from the one list the rules use.
    ['evidence', 'is set by headroom (its rules set, select or join on it)'],
    ['container_type', 'is set by headroom (its rules set, select or join on it)'],
    ['threshold', 'is set by headroom (its rules set, select or join on it)'],
    ['lookback', 'is set by headroom (its rules set, select or join on it)'],
    ['horizon', 'is set by headroom (its rules set, select or join on it)'],
    ['instance', 'is set by headroom (its rules set, select or join on it)'],
    ['headroom_tier', "starts with headroom_, which headroom's owner series use"],
  ])('label name %j', async (name, message) => {
    await refusedTeam(
      payments('slack_channel:', `${JSON.stringify(name)}:`),
      `teams/payments.yaml:3:11: labels.${name}: ${message}`,
    );
  });

  it('label value with a newline ("a\\nb")', async () => {
    await refusedTeam(
      payments('"#payments-oncall"', '"#payments\\noncall"'),
      'teams/payments.yaml:3:11: labels.slack_channel: must not contain newlines or other control characters',
    );
  });

  it('label value with {{ .Value }} (a Go template)', async () => {
    await refusedTeam(
      payments('"#payments-oncall"', '"{{ .Value }}"'),
      'teams/payments.yaml:3:11: labels.slack_channel: must not contain {{ or }}',
    );
  });

  it('label value of 201 characters (capped at 200)', async () => {
    await refusedTeam(
      payments('"#payments-oncall"', `"${'x'.repeat(201)}"`),
      'teams/payments.yaml:3:11: labels.slack_channel: must be at most 200 characters',
    );
  });

  it.each(['$labels.namespace', '$value', '`rm -rf`', '100% %s %d', '$ {$ } { "quote" \\ back'])(
    'label value %j is accepted and written only as an inert label value',
    async (value) => {
      const fresh = tempProject('example');
      // A JSON string is a YAML double-quoted scalar.
      fresh.write(PAYMENTS, payments('"#payments-oncall"', JSON.stringify(value)));
      const { tree } = await generate(join(fresh.dir, 'headroom.config.ts'));
      // The owner rule, the settings manifest and the mixin's JSON hold it; nothing else changes.
      expect(
        expectOnlyAsLabelValue(tree, await exampleTree(), 'slack_channel', value, '#payments-oncall'),
      ).toBeGreaterThanOrEqual(3);
    },
  );

  it('label values with $, %, backticks and quotes pass promtool check rules on both engines', {
    tags: ['spawns'],
  }, async () => {
    const value = '$labels.x $value `tick` 100% %s "q" \\';
    const fresh = tempProject('example');
    fresh.write(PAYMENTS, payments('"#payments-oncall"', JSON.stringify(value)));
    const generation = await generate(join(fresh.dir, 'headroom.config.ts'));
    const file = writeRuleFile(
      ruleGroupsOf(generation),
      join(mkdtempSync(join(tmpdir(), 'headroom-values-')), 'rules.yaml'),
    );
    for (const engine of ENGINES) {
      const result = promtool(engine, ['check', 'rules', file]);
      expect(result.code, `${engine.name}: ${result.output}`).toBe(0);
    }
  });
});

describe('selectors', () => {
  it('selector that breaks out: job="x"} or vector(1) or up{', async () => {
    project.write('headroom.config.ts', configWithSelector('job="x"} or vector(1) or up{'));
    await expectRefused(
      project,
      ['generate'],
      'headroom.config.ts:6:16: selectors.cadvisor: must be label matchers without braces',
    );
  });

  it('selector that selects another metric: job="x",__name__=~".+"', async () => {
    project.write('headroom.config.ts', configWithSelector('job="x",__name__=~".+"'));
    await expectRefused(
      project,
      ['generate'],
      'headroom.config.ts:6:16: selectors.cadvisor: must not match labels starting with __',
    );
  });

  it('selector with a newline', async () => {
    project.write('headroom.config.ts', configWithSelector('job="kubelet",\nmetrics_path="/metrics/cadvisor"'));
    await expectRefused(project, ['generate'], 'headroom.config.ts:6:16: selectors.cadvisor: must be on one line');
  });

  it('selector with an unterminated string hiding braces: job="x} or vector(1) or up{', async () => {
    project.write('headroom.config.ts', configWithSelector('job="x} or vector(1) or up{'));
    await expectRefused(
      project,
      ['generate'],
      'headroom.config.ts:6:16: selectors.cadvisor: is not a valid list of PromQL label matchers',
    );
  });

  it('selector job=~"a{2,3}" (braces inside a regular expression) is accepted and passes promtool on both engines', {
    tags: ['spawns'],
  }, async () => {
    const fresh = tempProject('example');
    // The kube-state-metrics selector reaches the alert descriptions' Go templates: }}{{ in its value stays a string
    // there.
    const config = configWithSelector('job=~"a{2,3}", metrics_path="/metrics/cadvisor"').replace(
      ' },\n',
      ', kubeStateMetrics: \'job="ksm}}{{ .x }}"\' },\n',
    );
    expect(config).toContain('kubeStateMetrics');
    fresh.write('headroom.config.ts', config);
    const result = await runCli(['generate'], fresh.dir);
    expect(result.code, result.stderr).toBe(0);
    const rules = fresh.read('generated/prometheus-rules/headroom-container-memory.yaml');
    expect(rules).toContain('container_memory_working_set_bytes{job=~"a{2,3}", metrics_path="/metrics/cadvisor"');
    expect(rules).toContain('kube_pod_container_resource_limits{job="ksm}}{{ .x }}"');
    const generation = await generate(join(fresh.dir, 'headroom.config.ts'));
    const file = writeRuleFile(
      ruleGroupsOf(generation),
      join(mkdtempSync(join(tmpdir(), 'headroom-values-')), 'rules.yaml'),
    );
    for (const engine of ENGINES) {
      const checked = promtool(engine, ['check', 'rules', file]);
      expect(checked.code, `${engine.name}: ${checked.output}`).toBe(0);
    }
  });
});

describe('namespace and node patterns', () => {
  it.each([
    ['payments.*', 'can never match: namespace names have no dots'],
    ['a..b', 'can never match: namespace names have no dots'],
    ['Payments', 'can never match: namespace names are lowercase'],
    ['p'.repeat(300), 'can never match: namespace names have at most 63 characters'],
    ['', 'must not be empty'],
    ['-lead', 'must be a namespace name or a glob of one'],
  ])('namespace pattern %j', async (pattern, message) => {
    await refusedTeam(
      payments('payments-*', JSON.stringify(pattern)),
      `teams/payments.yaml:2:24: namespaces.1: ${message}`,
    );
  });

  it('a glob of 63 literal characters and a * (may match) is accepted', async () => {
    const { stderr } = await accepted({ [PAYMENTS]: payments('payments-*', `${'p'.repeat(63)}*`) });
    expect(stderr).toBe('');
  });

  it('node pattern pool..a (empty DNS label)', async () => {
    project.write('teams/search.yaml', original['teams/search.yaml']!.replace('search-pool-*', 'pool..a'));
    await expectRefused(
      project,
      ['generate'],
      'teams/search.yaml:3:9: nodes.0: can never match: each dot-separated part of a node name starts and ends with ' +
        'a letter or digit',
    );
  });

  it('node pattern with dots (a DNS subdomain glob, ip-10-0-*.ec2.internal) is accepted', async () => {
    const { stderr } = await accepted({
      'teams/search.yaml': original['teams/search.yaml']!.replace('search-pool-*', 'ip-10-0-*.ec2.internal'),
    });
    expect(stderr).toBe('');
  });

  it('namespace * by a non-default team overlaps every other claim: refused', async () => {
    await refusedTeam(payments('payments-*', '"*"'), /teams\/payments\.yaml:2:\d+: namespaces\.1: "\*" overlaps /);
  });
});

describe('warnings: valid values that quietly disable alerting', () => {
  it('window: 500ms (shorter than two scrapes) warns, and generate writes', async () => {
    const { stderr, generated } = await accepted({
      [PAYMENTS]: paymentsWithLine6('containerOOMKilled: { window: 500ms }'),
    });
    expect(stderr).toContain(
      'teams/payments.yaml:6:25: alerts.containerOOMKilled.window: warning: 500ms is shorter than 1m: at ' +
        "kube-prometheus' 30s scrape interval the range holds at most one sample, so the rule sees no change and the " +
        'alert never fires',
    );
    expect(generated['prometheus-rules/headroom-container-memory.yaml']).toContain('[500ms]');
  });

  it('threshold: 1e-9 (fires on every container) warns, and generate writes', async () => {
    const { stderr, generated } = await accepted({ [PAYMENTS]: payments('threshold: 0.95', 'threshold: 1e-9') });
    expect(stderr).toContain(
      'teams/payments.yaml:5:31: alerts.containerMemoryNearLimit.threshold: warning: 1e-9 is below 0.5: the alert ' +
        'fires for every container using more than 1e-7% of its memory limit',
    );
    expect(generated['prometheus-rules/headroom-teams.yaml']).toContain('expr: vector(1e-9)');
  });

  it('threshold: 1 (the ratio never exceeds 1) warns that it never fires', async () => {
    const { stderr } = await accepted({ [PAYMENTS]: payments('threshold: 0.95', 'threshold: 1') });
    expect(stderr).toContain(
      'teams/payments.yaml:5:31: alerts.containerMemoryNearLimit.threshold: warning: 1 never fires: the working set ' +
        'never exceeds the limit',
    );
  });

  it('threshold: 0.995 in the config warns that it fires only at the kill', async () => {
    const config = original['headroom.config.ts']!.replace('threshold: 0.85', 'threshold: 0.995');
    const { stderr } = await accepted({ 'headroom.config.ts': config });
    expect(stderr).toMatch(
      joined(
        /^headroom\.config\.ts:7:\d+: /m,
        /alerts\.containerMemoryNearLimit\.threshold: warning: /,
        /0\.995 fires only moments before the kernel OOM-kills the container/,
      ),
    );
  });

  it(
    'containerProcessOOMKilled window: ' + "2m (not longer than the rule's fixed for: 2m) warns that it never fires",
    async () => {
      const { stderr, generated } = await accepted({
        [PAYMENTS]: paymentsWithLine6('containerProcessOOMKilled: { window: 2m }'),
      });
      expect(stderr).toContain(
        'teams/payments.yaml:6:32: alerts.containerProcessOOMKilled.window: warning: 2m is not longer than the ' +
          "alert's fixed for: 2m",
      );
      expect(generated['prometheus-rules/headroom-container-memory.yaml']).toMatch(
        /- alert: ContainerProcessOOMKilled\n[\s\S]*?for: 2m\n[\s\S]*?window: 2m/,
      );
    },
  );

  it('a team with no namespaces and no nodes (owns nothing) warns, and generate writes', async () => {
    const { stderr, fresh } = await accepted({ 'teams/empty.yaml': 'name: empty\nlabels: { pager: empty }\n' });
    expect(stderr).toBe(
      'teams/empty.yaml:1:1: name: warning: team "empty" owns no namespaces and no nodes: its settings and labels ' +
        'apply to nothing (add namespaces or nodes)\n',
    );
    expect(fresh.read('generated/headroom-settings.yaml')).toContain('empty');
  });

  it('validate prints the same warnings and exits 0', async () => {
    project.write(PAYMENTS, payments('threshold: 0.95', 'threshold: 1e-9'));
    const result = await runCli(['validate'], project.dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /^teams\/payments\.yaml:5:31: alerts\.containerMemoryNearLimit\.threshold: warning: 1e-9 is below 0\.5/m,
    );
    expect(result.stdout).toContain('is valid');
  });

  it('the example project gives no warning (negative control)', async () => {
    const result = await runCli(['validate'], project.dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
  });
});
