// PrometheusRule objects at fleet size: every object fits what client-side `kubectl apply` (and Argo CD's default)
// keeps in its last-applied-configuration annotation, 262,144 bytes; the parts that grow with the fleet (the ownership
// decision, the teams table) are split by content, so a team added moves only what it must; and a config that cannot
// be split to fit is refused before anything is written.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fleetTeamFile, writeFleetConfig } from '../../bench/fleet-config.ts';
import { InputError } from '../../src/config/input-error.ts';
import { describe as describeReport } from '../../src/diff/describe.ts';
import { diffTrees } from '../../src/diff/diff-trees.ts';
import { generate, type Generation } from '../../src/generate.ts';
import { LAST_APPLIED_LIMIT } from '../../src/output/dashboard-size-guard.ts';
import { PROMETHEUS_RULES_DIR } from '../../src/output/prometheus-rule.ts';
import { runCli } from '../helpers/run-cli.ts';

/** The PrometheusRule objects of a generation: path → the object's JSON size, as kubectl stores it. */
function objectSizes(generation: Generation): Map<string, number> {
  const objects = [...generation.tree].filter(([path]) => path.startsWith(PROMETHEUS_RULES_DIR));
  return new Map(objects.map(([path, text]) => [path, Buffer.byteLength(JSON.stringify(parse(text)))]));
}

describe('PrometheusRule objects of a fleet of 1,000 teams (5 patterns, 2 labels and a receiver each)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-fleet-sizes-'));
  const fleet = await generate(writeFleetConfig(dir, 1000));
  const sizes = objectSizes(fleet);

  it('every object is under 262,144 bytes as JSON', () => {
    const over = [...sizes].filter(([, bytes]) => bytes > LAST_APPLIED_LIMIT);
    expect(over).toEqual([]);
    expect(Math.max(...sizes.values())).toBeGreaterThan(50_000);
  });

  it('the ownership decision and the teams table are split; the other groups are one object each', () => {
    const names = [...sizes.keys()].map((path) => path.slice(PROMETHEUS_RULES_DIR.length).replace(/\.yaml$/, ''));
    const count = (base: string) => names.filter((name) => name === base || name.startsWith(`${base}-`)).length;
    expect(count('headroom-namespace-ownership')).toBeGreaterThan(1);
    expect(count('headroom-teams')).toBeGreaterThan(1);
    for (const whole of [
      'headroom-container-memory',
      'headroom-node-memory',
      'headroom-meta',
      'headroom-node-ownership',
    ])
      expect(names).toContain(whole);
  });

  it('one more team changes a few objects, not every object after it', async () => {
    const more = mkdtempSync(join(tmpdir(), 'headroom-fleet-sizes-'));
    const grown = await generate(writeFleetConfig(more, 1001));
    const changed = [...objectSizes(grown).keys()].filter((path) => grown.tree.get(path) !== fleet.tree.get(path));
    // Its claims' ownership part, its part of the teams table, the team dashboards' team list is not a rule object.
    expect(changed.length).toBeLessThanOrEqual(3);
    expect(changed.length).toBeGreaterThan(0);
    // Names stay: the objects are the same ones.
    expect([...objectSizes(grown).keys()]).toEqual([...sizes.keys()]);
  });

  it('a team whose claims move to other names: diff says its rules move to another object, and only its', async () => {
    const moved = mkdtempSync(join(tmpdir(), 'headroom-fleet-sizes-'));
    const configFile = writeFleetConfig(moved, 1000);
    // analytics-0013's namespaces renamed to sort after every other team's: its claims leave their range.
    const teamFile = join(moved, fleetTeamFile(13));
    writeFileSync(teamFile, readFileSync(teamFile, 'utf8').replaceAll('"analytics-0013', '"zz-analytics-0013'));
    const after = await generate(configFile);
    const report = diffTrees({ name: 'before', tree: fleet.tree, data: fleet.data }, { name: 'after', ...after });
    // From the first range's object (names from the start) to another, the last range's: only this team moves.
    expect(report.rulesMoved).toEqual([
      {
        team: 'analytics-0013',
        from: ['headroom-namespace-ownership'],
        to: [expect.stringMatching(/^headroom-namespace-ownership-[a-z]/)],
      },
    ]);
    expect(describeReport(report, 'before → after').sections.flatMap((section) => section.lines)).toContainEqual(
      expect.stringMatching(/^team analytics-0013: rules move from headroom-namespace-ownership.* to /),
    );
  });
});

describe('a group of many distinct settings', () => {
  it(
    'keeps its recording rules and moves its alert rules to groups of their own, ' + 'every object under the limit',
    async () => {
      // 400 teams, each with a `for` of its own: 400 ContainerMemoryNearLimit rules, ~1 MB of alert rules.
      const dir = mkdtempSync(join(tmpdir(), 'headroom-many-settings-'));
      const teams = Array.from({ length: 400 }, (_, i) => {
        const alerts = `alerts: { containerMemoryNearLimit: { for: '${i + 1}m' } }`;
        return `{ name: 'team-${i}', namespaces: ['team-${i}'], ${alerts} }`;
      });
      const file = join(dir, 'headroom.config.ts');
      writeFileSync(
        file,
        `import { defineConfig } from 'headroom';\nexport default defineConfig({ defaultTeam: 'platform', teams: ` +
          `[${teams.join(', ')}],` +
          ` links: { grafanaUrl: 'https://grafana.test', runbookUrlPattern: 'https://runbooks.test/%s' } });\n`,
      );
      const generation = await generate(file);
      const sizes = objectSizes(generation);
      expect([...sizes].filter(([, bytes]) => bytes > LAST_APPLIED_LIMIT)).toEqual([]);
      const parts = [...sizes.keys()].filter((path) => path.includes('headroom-container-memory'));
      expect(parts.length).toBeGreaterThan(2);
      const group = (path: string) =>
        (parse(generation.tree.get(path)!) as { spec: { groups: { rules: { alert?: string; record?: string }[] }[] } })
          .spec.groups[0]!;
      // The recording rules, in their order, stay in headroom-container-memory;
      // every alert rule is in exactly one part.
      expect(
        group(`${PROMETHEUS_RULES_DIR}headroom-container-memory.yaml`).rules.every((rule) => rule.record !== undefined),
      ).toBe(true);
      const nearLimit = parts.flatMap((path) =>
        group(path).rules.filter((rule) => rule.alert === 'ContainerMemoryNearLimit'),
      );
      // One per distinct `for`: team-4's 5m is the default's.
      expect(nearLimit).toHaveLength(400);
    },
  );
});

describe('an object that cannot be split to fit', () => {
  // 12,000 claims starting with `*`: every range of names may hold such a namespace, so every ownership part has them.
  const config = (serverSideApply: boolean) => {
    const dir = mkdtempSync(join(tmpdir(), 'headroom-oversized-'));
    const patterns = Array.from({ length: 12_000 }, (_, i) => `'*-suffix-number-${i}'`).join(', ');
    const file = join(dir, 'headroom.config.ts');
    writeFileSync(
      file,
      `import { defineConfig } from 'headroom';\nexport default defineConfig({ defaultTeam: 'platform', teams: [{ ` +
        `name: 'wide', namespaces: [${patterns}] }],` +
        ` links: { grafanaUrl: 'https://grafana.test', runbookUrlPattern: 'https://runbooks.test/%s' }, output: { ` +
        `prometheusRule: { serverSideApply: ${serverSideApply} } } });\n`,
    );
    return file;
  };

  it('is refused, named with the setting that lifts the limit', async () => {
    const error = await generate(config(false)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    const [problem] = (error as InputError).problems;
    expect(problem!.file).toMatch(/^prometheus-rules\/headroom-namespace-ownership/);
    expect(problem!.message).toMatch(
      /over the 262144 bytes client-side `kubectl apply` can keep .* output\.prometheusRule\.serverSideApply: true/,
    );
    // One ownership rule holds them all: the message says so, and what helps.
    expect(problem!.message).toMatch(/its recording rule headroom:namespace_owner:info alone is \d+ bytes/);
    expect(problem!.message).toMatch(/which no split fits: give claims a literal start/);
  });

  it('is written when the objects are applied server-side', async () => {
    const generation = await generate(config(true));
    expect(Math.max(...objectSizes(generation).values())).toBeGreaterThan(LAST_APPLIED_LIMIT);
  });
});

describe('one rule that alone outgrows an object', () => {
  it('is refused with exit 2, naming the rule and its team, and nothing is written', async () => {
    // 1,500 labels of 190 characters: the team's entry in the teams table (headroom:team:info) carries them all.
    const labels = Array.from({ length: 1500 }, (_, i) => `l${i}: '${'x'.repeat(190)}'`).join(', ');
    const dir = mkdtempSync(join(tmpdir(), 'headroom-one-rule-'));
    writeFileSync(
      join(dir, 'headroom.config.ts'),
      `import { defineConfig } from 'headroom';\nexport default defineConfig({ defaultTeam: 'platform', teams: [{ ` +
        `name: 'huge', namespaces: ['huge'], labels: { ${labels} } }],` +
        ` links: { grafanaUrl: 'https://grafana.test', runbookUrlPattern: 'https://runbooks.test/%s' } });\n`,
    );
    const result = await runCli(['generate'], dir);
    expect(result.code, result.stderr.slice(0, 2000)).toBe(2);
    expect(result.stderr).toMatch(/prometheus-rules\/headroom-teams[a-z-]*\.yaml: output\.prometheusRule: /);
    expect(result.stderr).toMatch(
      /its recording rule headroom:team:info of team huge alone is \d+ bytes, which no split fits/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'generated'))).toBe(false);
  });
});
