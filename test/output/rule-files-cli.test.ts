// The commands on rule files, run as a user runs them: `check` and `validate` see the rules when no PrometheusRule
// object is written, `diff <dir> <dir>` compares the rules across rule outputs and names a ruler output that a
// change adds or removes, and the jsonnet mixin serves the groups of a rule-files-only folder.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { evaluateEntryPoint } from '../mixin/jsonnet.ts';
import { MIMIR_NAMESPACE, OUTPUTS, projectWith } from './rule-files-project.ts';

const PLAIN = 'rule-files/prometheus/headroom.rules.yaml';
const MIMIR = `rule-files/mimir/${MIMIR_NAMESPACE}.yaml`;

async function generateInto(project: ReturnType<typeof projectWith>, out: string): Promise<void> {
  const result = await runCli(['generate', '--out', out], project.dir);
  expect(result.code, result.stderr).toBe(0);
}

describe('check and validate with rule files only', () => {
  it('check passes on a fresh folder and names the stale rule file', async () => {
    const project = projectWith(OUTPUTS.filesOnly);
    await generateInto(project, 'generated');
    expect((await runCli(['check'], project.dir)).code).toBe(0);
    project.edit('headroom.config.ts', "threshold: 0.95, for: '10m'", "threshold: 0.9, for: '10m'");
    const stale = await runCli(['check'], project.dir);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain(`changed:       ${MIMIR}`);
    expect(stale.stderr).toContain(`changed:       ${PLAIN}`);
    expect(stale.stderr).not.toContain('prometheus-rules/');
  });

  it('validate lints the rules and counts them', async () => {
    const result = await runCli(['validate'], projectWith(OUTPUTS.filesOnly).dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/[1-9]\d* alerting and [1-9]\d* recording rules/);
  });
});

describe('headroom diff <dir> <dir> across rule outputs', () => {
  it('names the ruler output a change adds, in every format', async () => {
    const project = projectWith(OUTPUTS.objectsOnly);
    await generateInto(project, 'old');
    projectWith(OUTPUTS.both, project);
    await generateInto(project, 'new');
    const text = await runCli(['diff', 'old', 'new'], project.dir);
    expect(text.code, text.stderr).toBe(0);
    const lines = text.stdout.split('\n');
    const section = lines.slice(lines.indexOf('Rule outputs'), lines.indexOf('', lines.indexOf('Rule outputs')));
    expect(section).toEqual([
      'Rule outputs',
      `  added Mimir/Cortex ruler namespace ${MIMIR_NAMESPACE} (mimirtool), ${MIMIR}`,
      `  added Prometheus rule file (rule_files, Thanos ruler, vmalert), ${PLAIN}`,
    ]);
    // The same rules in another output are no rule change.
    expect(text.stdout).not.toMatch(/^Rules$/m);
    expect(text.stdout).toContain('0 rules');

    const markdown = (await runCli(['diff', 'old', 'new', '--format', 'markdown'], project.dir)).stdout;
    expect(markdown).toContain(`- added Mimir/Cortex ruler namespace ${MIMIR_NAMESPACE} (mimirtool), ${MIMIR}`);
    const json = JSON.parse((await runCli(['diff', 'old', 'new', '--format', 'json'], project.dir)).stdout) as {
      ruleOutputs: unknown[];
    };
    expect(json.ruleOutputs).toEqual([
      {
        output: `Mimir/Cortex ruler namespace ${MIMIR_NAMESPACE} (mimirtool), ${MIMIR}`,
        status: 'added',
        files: [MIMIR],
      },
      { output: `Prometheus rule file (rule_files, Thanos ruler, vmalert), ${PLAIN}`, status: 'added', files: [PLAIN] },
    ]);
  });

  it(
    'names the PrometheusRule objects when they are turned off, ' + 'and still compares the rules they carried',
    async () => {
      const project = projectWith(OUTPUTS.objectsOnly);
      await generateInto(project, 'old');
      projectWith(OUTPUTS.prometheusFileOnly, project);
      project.edit('headroom.config.ts', "threshold: 0.95, for: '10m'", "threshold: 0.9, for: '10m'");
      await generateInto(project, 'new');
      const result = await runCli(['diff', 'old', 'new'], project.dir);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout.split('\n')).toEqual(
        expect.arrayContaining([
          `  added Prometheus rule file (rule_files, Thanos ruler, vmalert), ${PLAIN}`,
          '  removed PrometheusRule objects (prometheus-operator), prometheus-rules/',
        ]),
      );
      // The threshold change is read from the PrometheusRule objects on one side and the rule file on the other.
      expect(result.stdout).toContain(
        'recording rule headroom:team_setting:value {owner="payments", ' +
          'setting="containerMemoryNearLimit.threshold"}: expression changed',
      );
    },
  );

  it('a Mimir namespace renamed is one namespace removed and one added', async () => {
    const project = projectWith(OUTPUTS.mimirOnly);
    await generateInto(project, 'old');
    projectWith(OUTPUTS.mimirOnly.replace(MIMIR_NAMESPACE, 'memory'), project);
    await generateInto(project, 'new');
    const lines = (await runCli(['diff', 'old', 'new'], project.dir)).stdout.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        '  added Mimir/Cortex ruler namespace memory (mimirtool), rule-files/mimir/memory.yaml',
        `  removed Mimir/Cortex ruler namespace ${MIMIR_NAMESPACE} (mimirtool), ${MIMIR}`,
      ]),
    );
  });

  it('says nothing about rule outputs when they stay the same', async () => {
    const project = projectWith(OUTPUTS.filesOnly);
    await generateInto(project, 'old');
    project.edit('headroom.config.ts', "threshold: 0.95, for: '10m'", "threshold: 0.9, for: '10m'");
    await generateInto(project, 'new');
    const result = await runCli(['diff', 'old', 'new'], project.dir);
    expect(result.stdout).not.toContain('Rule outputs');
    expect(result.stdout).toContain(
      'recording rule headroom:team_setting:value {owner="payments", setting="containerMemoryNearLimit.threshold"}: ' +
        'expression changed',
    );
  });
});

describe('jsonnet mixin on a folder with rule files only', () => {
  it('alerts.jsonnet and rules.jsonnet serve the groups of the rule file', { tags: ['spawns'] }, async () => {
    const project = projectWith(OUTPUTS.filesOnly);
    await generateInto(project, 'generated');
    const outDir = join(project.dir, 'generated');
    const groups = (
      parse(readFileSync(join(outDir, PLAIN), 'utf8')) as { groups: { rules: Record<string, unknown>[] }[] }
    ).groups;
    const holdsAlert = (group: { rules: Record<string, unknown>[] }) => group.rules.some((rule) => 'alert' in rule);
    expect(groups.filter(holdsAlert).length).toBeGreaterThan(0);
    expect(evaluateEntryPoint('alerts.jsonnet', outDir)).toEqual({ groups: groups.filter(holdsAlert) });
    expect(evaluateEntryPoint('rules.jsonnet', outDir)).toEqual({
      groups: groups.filter((group) => !holdsAlert(group)),
    });
  });
});
