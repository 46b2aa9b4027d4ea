// Valid settings that quietly disable alerting are warned about, with the file, line and key of the value; the
// boundaries (a 1m window, a 3m process-OOM window, thresholds of 0.5 and 0.98, the default team, ownership by
// namespace label) are not.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../../src/config/display-path.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { quietSettingWarnings } from '../../src/model/quiet-settings.ts';
import { tempProject } from '../helpers/temp-project.ts';

/** Warnings of the example project with these extra team files (and the config edited by `config`). */
async function warningsWith(
  teams: Record<string, string>,
  config: (text: string) => string = (text) => text,
): Promise<string[]> {
  const project = tempProject('example');
  project.write('headroom.config.ts', config(project.read('headroom.config.ts')));
  for (const [name, text] of Object.entries(teams)) project.write(`teams/${name}.yaml`, text);
  const loaded = await loadConfig(join(project.dir, 'headroom.config.ts'));
  // Messages name files relative to the working directory: keep the file name and what follows.
  return quietSettingWarnings(loaded).map((line) => line.slice(line.lastIndexOf('/') + 1));
}

const team = (alerts: string) => `name: quiet\nnamespaces: [quiet]\nalerts:\n${alerts}\n`;

describe('quietSettingWarnings', () => {
  it('the example has none', async () => {
    expect(await warningsWith({})).toEqual([]);
  });

  it('every quiet setting of one team, at its line and key', async () => {
    const warnings = await warningsWith({
      quiet: team(
        [
          '  containerOOMKilled: { window: 30s }',
          '  containerProcessOOMKilled: { window: 90s }',
          '  nodeMemoryEvictions: { window: 500ms }',
          '  podsEvicted: { window: 59s }',
          '  containerMemoryLeak: { lookback: 10s }',
          '  containerMemoryNearLimit: { threshold: 0.1 }',
          '  podMemoryNearLimit: { threshold: 1 }',
        ].join('\n'),
      ),
    });
    expect(warnings.map((line) => /^([^:]+:\d+:\d+: [^:]+): warning: (\S+)/.exec(line)?.slice(1, 3).join(' '))).toEqual(
      [
        // In catalogue order (src/alerts/catalogue.ts), each alert's own warnings.
        'quiet.yaml:9:31: alerts.containerMemoryNearLimit.threshold 0.1',
        'quiet.yaml:4:25: alerts.containerOOMKilled.window 30s',
        'quiet.yaml:5:32: alerts.containerProcessOOMKilled.window 90s',
        'quiet.yaml:8:26: alerts.containerMemoryLeak.lookback 10s',
        'quiet.yaml:10:25: alerts.podMemoryNearLimit.threshold 1',
        'quiet.yaml:6:26: alerts.nodeMemoryEvictions.window 500ms',
        'quiet.yaml:7:18: alerts.podsEvicted.window 59s',
      ],
    );
  });

  it('boundaries that still alert are not warned about', async () => {
    const quiet = team(
      [
        '  containerOOMKilled: { window: 1m }',
        '  containerProcessOOMKilled: { window: 3m }',
        '  containerMemoryNearLimit: { threshold: 0.5 }',
        '  podMemoryNearLimit: { threshold: 0.98 }',
      ].join('\n'),
    );
    expect(await warningsWith({ quiet })).toEqual([]);
  });

  it('a team that owns nothing, but not the default team and not with ownership by namespace label', async () => {
    expect(await warningsWith({ empty: 'name: empty\n' })).toEqual([
      'empty.yaml:1:1: name: warning: team "empty" owns no namespaces and no nodes: its settings and labels apply to ' +
        'nothing (add namespaces or nodes)',
    ]);
    const byLabel = (text: string) =>
      text.replace(
        "  defaultTeam: 'platform',",
        "  defaultTeam: 'platform',\n  ownership: { namespaceLabel: 'team' },",
      );
    expect(await warningsWith({ empty: 'name: empty\n' }, byLabel)).toEqual([]);
    const platformOwnsNothing = (text: string) => text.replace("namespaces: ['kube-system'], ", '');
    expect(await warningsWith({}, platformOwnsNothing)).toEqual([]);
  });

  it(
    'one team listing web-frontend and web-*: ' + 'a warning at the pattern that changes nothing, not a refusal',
    async () => {
      const web =
        'name: web\nnamespaces: [web-frontend, "web-*", web-frontend, "*-eu"]\nnodes: ["pool-web-*", "pool-web-?"]\n';
      expect(await warningsWith({ web })).toEqual([
        'web.yaml:2:14: namespaces.0: warning: "web-frontend" is already covered by "web-*" (namespaces.1) of this ' +
          'team: it changes nothing',
        'web.yaml:2:37: namespaces.2: warning: "web-frontend" is already listed (namespaces.0): listing it again ' +
          'changes nothing',
        'web.yaml:3:23: nodes.1: warning: "pool-web-?" is already covered by "pool-web-*" (nodes.0) of this team: it ' +
          'changes nothing',
      ]);
    },
  );

  it(
    'thousands of exact names in one team: ' + 'each name listed twice warned once, against its first listing',
    async () => {
      const names = Array.from({ length: 8000 }, (_, i) => `ns-${i}`);
      const big = `name: big\nnamespaces:\n${[...names, 'ns-17', 'ns-7999'].map((name) => `  - ${name}`).join('\n')}\n`;
      expect(await warningsWith({ big })).toEqual([
        'big.yaml:8003:5: namespaces.8000: warning: "ns-17" is already listed (namespaces.17): listing it again ' +
          'changes nothing',
        'big.yaml:8004:5: namespaces.8001: warning: "ns-7999" is already listed (namespaces.7999): listing it again ' +
          'changes nothing',
      ]);
    },
  );

  it(
    'a lone team claiming * under ownership.namespaceLabel: warned at the claim (the label decides no owner), not ' +
      'without the label',
    async () => {
      const byLabel = (text: string) =>
        text.replace(
          "  defaultTeam: 'platform',",
          "  defaultTeam: 'platform',\n  ownership: { namespaceLabel: 'team' },",
        );
      const everything = 'name: everything\nnamespaces: [prod, "*"]\n';
      expect(await warningsWith({ everything }, byLabel)).toEqual([
        'everything.yaml:2:14: namespaces.0: warning: "prod" is already covered by "*" (namespaces.1) of this team: ' +
          'it changes nothing',
        'everything.yaml:2:20: namespaces.1: warning: "*" claims every namespace: a team file\'s claim beats ' +
          'ownership.namespaceLabel, so the label "team" decides no owner (list the team\'s namespaces instead)',
      ]);
      const scoped = 'name: everything\nnamespaces: ["?*"]\nclusters: [prod-eu]\n';
      const clustered = (text: string) =>
        byLabel(text).replace(
          "  defaultTeam: 'platform',",
          "  defaultTeam: 'platform',\n  cluster: { label: 'cluster' },",
        );
      expect(await warningsWith({ everything: scoped }, clustered)).toEqual([
        expect.stringContaining('namespaces.0: warning: "?*" claims every namespace in clusters prod-eu: '),
      ]);
      // Without the label, only the redundant name is worth a word.
      expect(await warningsWith({ everything })).toEqual([
        expect.stringContaining('"prod" is already covered by "*" (namespaces.1)'),
      ]);
    },
  );

  it(
    'a missing default teams/ folder: warned at teamsDir, naming the folder; an empty one (a .gitkeep in it) is ' +
      'not',
    async () => {
      const project = tempProject('example');
      rmSync(join(project.dir, 'teams'), { recursive: true });
      const warnings = quietSettingWarnings(await loadConfig(join(project.dir, 'headroom.config.ts')));
      const shown = displayPath(project.dir);
      expect(warnings).toEqual([
        `${shown}/headroom.config.ts: teamsDir: warning: ${shown}/teams/ does not exist, so no team file was read ` +
          `(create it, or set teamsDir to where the team files are; with every team inline in the config, an empty ` +
          `${shown}/teams/ holding a .gitkeep ends this warning)`,
      ]);
      mkdirSync(join(project.dir, 'teams'));
      writeFileSync(join(project.dir, 'teams/.gitkeep'), '');
      expect(quietSettingWarnings(await loadConfig(join(project.dir, 'headroom.config.ts')))).toEqual([]);
    },
  );

  it('a setting in the config is located in the TypeScript file', async () => {
    const warnings = await warningsWith({}, (text) =>
      text.replace("containerOOMKilled: { window: '10m'", "containerOOMKilled: { window: '500ms'"),
    );
    expect(warnings).toEqual([
      expect.stringMatching(
        /^headroom\.config\.ts:8:\d+: alerts\.containerOOMKilled\.window: warning: 500ms is shorter than 1m/,
      ),
    ]);
  });

  it('an input declared absent that alerts on for some team need: warned at the entry, naming them', async () => {
    const absent = (metrics: string) => (text: string) =>
      text.replace("  defaultTeam: 'platform',", `  defaultTeam: 'platform',\n  inputs: { absent: [${metrics}] },`);
    expect(
      await warningsWith({}, absent("'kube_pod_status_phase', 'kube_pod_container_status_restarts_total'")),
    ).toEqual([
      'headroom.config.ts:6:22: inputs.absent.0: warning: kube_pod_status_phase is declared absent: PodsEvicted (on ' +
        'for teams payments, platform, search) needs it, so it is not generated, for any team (turn it off to end ' +
        'this warning, or keep the series and remove it from inputs.absent)',
      'headroom.config.ts:6:47: inputs.absent.1: warning: kube_pod_container_status_restarts_total is declared ' +
        'absent: ContainerOOMKilled (on for teams payments, platform, search), ContainerProcessOOMKilled (on for ' +
        'teams payments, platform, search), PodMemoryNearLimit (on for teams payments, platform, search), and ' +
        'ContainersWithoutMemoryLimit (on for teams payments, platform, search) need it, so they are not ' +
        'generated, for any team (turn them off to end this warning, or keep the series and remove it from ' +
        'inputs.absent)',
    ]);
    // Off in the defaults and on for one team: that team is named; off everywhere: nothing to warn about.
    const offByDefault = (text: string) =>
      absent("'kube_pod_status_phase'")(text).replace('alerts: {', 'alerts: {\n    podsEvicted: { enabled: false },');
    const onForSearch = { search: 'name: search\nnamespaces: [search]\nalerts:\n  podsEvicted: { enabled: true }\n' };
    expect(await warningsWith(onForSearch, offByDefault)).toEqual([
      expect.stringContaining('PodsEvicted (on for team search) needs it, so it is not generated'),
    ]);
    expect(await warningsWith({}, offByDefault)).toEqual([]);
  });
});
