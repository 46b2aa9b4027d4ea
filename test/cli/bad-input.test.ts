// Bad input: the message names the file, the line and the key; the exit code is 2; generated/ is untouched.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { type TempProject, tempProject } from '../helpers/temp-project.ts';

const PAYMENTS = `name: payments
namespaces: [payments, payments-*]
labels: { slack_channel: "#payments-oncall" }
alerts:
  containerMemoryNearLimit: { threshold: 0.95, for: 10m }
`;

let project: TempProject;
let before: Record<string, string>;

beforeEach(async () => {
  project = tempProject('example');
  expect((await runCli(['generate'], project.dir)).code).toBe(0);
  before = project.snapshot('generated');
  expect(Object.keys(before).length).toBeGreaterThan(0);
});

async function expectRejected(args: string[], ...expected: (string | RegExp)[]): Promise<void> {
  const result = await runCli(args, project.dir);
  expect(result.code, result.stdout + result.stderr).toBe(2);
  for (const text of expected) {
    if (typeof text === 'string') expect(result.stderr).toContain(text);
    else expect(result.stderr).toMatch(text);
  }
  expect(project.snapshot('generated')).toEqual(before);
}

describe('team file errors', () => {
  it('unknown key', async () => {
    project.write('teams/payments.yaml', PAYMENTS.replace('threshold: 0.95', 'treshold: 0.95'));
    await expectRejected(
      ['generate'],
      'teams/payments.yaml:5:31: alerts.containerMemoryNearLimit.treshold: unknown key',
    );
  });

  it('wrong type', async () => {
    project.write('teams/payments.yaml', PAYMENTS.replace('threshold: 0.95', 'threshold: high'));
    await expectRejected(
      ['generate'],
      'teams/payments.yaml:5:31: alerts.containerMemoryNearLimit.threshold: must be a number, got the string "high"',
    );
  });

  it('threshold above 1', async () => {
    project.write('teams/payments.yaml', PAYMENTS.replace('threshold: 0.95', 'threshold: 1.5'));
    await expectRejected(
      ['generate'],
      'teams/payments.yaml:5:31: alerts.containerMemoryNearLimit.threshold: must be at most 1',
    );
  });

  it('threshold of 0', async () => {
    project.write('teams/payments.yaml', PAYMENTS.replace('threshold: 0.95', 'threshold: 0'));
    await expectRejected(
      ['generate'],
      'teams/payments.yaml:5:31: alerts.containerMemoryNearLimit.threshold: must be greater than 0',
    );
  });

  it('bad duration', async () => {
    project.write('teams/payments.yaml', PAYMENTS.replace('for: 10m', 'for: 10 minutes'));
    await expectRejected(
      ['generate'],
      'teams/payments.yaml:5:48: alerts.containerMemoryNearLimit.for: must be a Prometheus duration',
    );
  });

  it('duplicate team', async () => {
    project.write('teams/payments-again.yaml', 'name: payments\nnamespaces: [billing]\n');
    await expectRejected(
      ['generate'],
      'teams/payments.yaml:1:1: name: team "payments" is already defined in teams/payments-again.yaml',
    );
  });

  it('overlapping namespace patterns', async () => {
    project.write('teams/europe.yaml', 'name: europe\nnamespaces:\n  - eu-shop\n  - "*-eu"\n');
    await expectRejected(
      ['generate'],
      'teams/payments.yaml:2:24: namespaces.1: "payments-*" overlaps "*-eu", also claimed by team "europe" ' +
        '(teams/europe.yaml)',
    );
  });

  it('the same namespace claimed by two teams', async () => {
    project.write('teams/search.yaml', 'name: search\nnamespaces: [search, payments]\n');
    await expectRejected(
      ['generate'],
      'teams/search.yaml:2:22: namespaces.1: "payments" is also claimed by team "payments"',
    );
  });

  it('YAML syntax error', async () => {
    project.write(
      'teams/payments.yaml',
      PAYMENTS.replace('labels: { slack_channel: "#payments-oncall" }', 'labels: { slack_channel: "#payments-oncall"'),
    );
    await expectRejected(['generate'], /teams\/payments\.yaml:\d+:\d+: YAML syntax error/);
  });

  it('a label headroom sets itself', async () => {
    project.write('teams/payments.yaml', PAYMENTS.replace('slack_channel:', 'severity:'));
    await expectRejected(['generate'], 'teams/payments.yaml:3:11: labels.severity: is set by headroom');
  });

  it('a node alert override for a team without nodes', async () => {
    project.write('teams/payments.yaml', `${PAYMENTS}  nodeMemoryPressure: { for: 1m }\n`);
    await expectRejected(
      ['generate'],
      'teams/payments.yaml:6:3: alerts.nodeMemoryPressure: has no effect: the team owns no nodes',
    );
  });

  it('a team label named like the cluster label', async () => {
    project.edit(
      'headroom.config.ts',
      "defaultTeam: 'platform',",
      "defaultTeam: 'platform',\n  cluster: { label: 'region' },",
    );
    project.write('teams/payments.yaml', PAYMENTS.replace('slack_channel:', 'region:'));
    await expectRejected(
      ['generate'],
      'teams/payments.yaml:3:11: labels.region: is the cluster label (cluster.label in the config)',
    );
  });

  it('reports every broken team file at once', async () => {
    project.write('teams/payments.yaml', PAYMENTS.replace('threshold: 0.95', 'threshold: 2'));
    project.write('teams/search.yaml', 'name: Search\n');
    const result = await runCli(['validate'], project.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('teams/payments.yaml:5:31');
    expect(result.stderr).toContain('teams/search.yaml:1:1: name: must be 1 to 26 lowercase letters');
  });
});

describe('config file errors', () => {
  it('missing config file', async () => {
    await expectRejected(
      ['generate', '--config', 'nowhere/headroom.config.ts'],
      'nowhere/headroom.config.ts: config file not found',
    );
  });

  it('unknown key in the TypeScript config', async () => {
    project.edit('headroom.config.ts', "defaultTeam: 'platform',", "defaultTeam: 'platform',\n  alertz: {},");
    await expectRejected(['generate'], 'headroom.config.ts:6:3: alertz: unknown key');
  });

  it('wrong type in the TypeScript config, nested', async () => {
    project.edit('headroom.config.ts', "for: '2m', severity: 'critical'", "for: 2, severity: 'critical'");
    await expectRejected(
      ['generate'],
      'headroom.config.ts:9:27: alerts.nodeMemoryPressure.for: must be a string, got number 2',
    );
  });

  it('invalid severity in an inline team', async () => {
    project.edit(
      'headroom.config.ts',
      "labels: { pager: 'platform-primary' } }",
      "labels: { pager: 'platform-primary' }, alerts: { containerOOMKilled: { severity: 'page' } } }",
    );
    await expectRejected(
      ['generate'],
      'headroom.config.ts:11:131: teams.0.alerts.containerOOMKilled.severity: must be one of ' +
        '"critical", "warning", "info"',
    );
  });

  it('a team label Prometheus would read as a template', async () => {
    project.write('teams/payments.yaml', PAYMENTS.replace('"#payments-oncall"', '"{{ $value }}"'));
    await expectRejected(['generate'], 'teams/payments.yaml:3:11: labels.slack_channel: must not contain {{ or }}');
  });

  it('a selector that is not PromQL', async () => {
    project.edit(
      'headroom.config.ts',
      "defaultTeam: 'platform',",
      "defaultTeam: 'platform',\n  selectors: { cadvisor: 'job=kubelet' },",
    );
    await expectRejected(
      ['generate'],
      'headroom.config.ts:6:16: selectors.cadvisor: is not a valid list of PromQL label matchers',
    );
  });

  it('a config that does not compile', async () => {
    project.edit('headroom.config.ts', "defaultTeam: 'platform',", "defaultTeam: 'platform',,");
    await expectRejected(
      ['generate'],
      'headroom.config.ts:5:27: cannot load the config: Property assignment expected.',
    );
  });
});

describe('command-line errors', () => {
  it('--out pointing at a file', async () => {
    const config = project.read('headroom.config.ts');
    await expectRejected(
      ['generate', '--out', 'headroom.config.ts'],
      'headroom.config.ts: --out: is a file, not a folder',
    );
    expect(project.read('headroom.config.ts')).toBe(config);
  });

  it('check --out pointing at a file', async () => {
    await expectRejected(
      ['check', '--out', 'headroom.config.ts'],
      'headroom.config.ts: --out: is a file, not a folder',
    );
  });

  it('a folder named like a team file', async () => {
    mkdirSync(join(project.dir, 'teams/odd.yaml'));
    await expectRejected(['generate'], 'teams/odd.yaml: is a folder, not a team file');
  });

  it('--out pointing at a folder headroom did not generate', async () => {
    const teams = project.snapshot('teams');
    await expectRejected(['generate', '--out', 'teams'], 'teams: --out: is a folder headroom did not generate');
    expect(project.snapshot('teams')).toEqual(teams);
  });

  it('unknown flag', async () => {
    await expectRejected(['generate', '--outdir', 'x'], "unknown option '--outdir'");
  });

  it('unknown command', async () => {
    await expectRejected(['generat'], "unknown command 'generat'");
  });
});
