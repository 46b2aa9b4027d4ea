// `headroom diff` on a namespace moving between teams (what changes for its alerts: severity, settings, routing)
// and on a team renamed (one rename, not a removal plus an addition, and what the new `team` value breaks), on real
// before/after projects committed to a throwaway git repository.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { type GitProject, gitProject } from './git-project.ts';

/** The lines under a section title of the text format (without their indent), up to the blank line. */
function section(stdout: string, title: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.indexOf(title);
  if (start === -1) return [];
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end === -1 ? undefined : end).map((line) => line.replace(/^ {2}/, ''));
}

function warnings(stdout: string): string[] {
  return section(stdout, 'Warnings').map((line) => line.replace(/^! /, ''));
}

async function diff(repo: GitProject, format: 'text' | 'json' | 'markdown') {
  const result = await runCli(['diff', '--base', 'main', '--format', format], repo.dir);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

const ROUTED_CONFIG = (perTeam: string) => `import { defineConfig } from 'headroom';

export default defineConfig({
  defaultTeam: 'platform',
  alerts: {
    containerMemoryNearLimit: { threshold: 0.85, for: '5m', severity: 'warning' },
    containerOOMKilled: { window: '10m', severity: 'critical' },
  },
  links: { grafanaUrl: 'https://grafana.test', runbookUrlPattern: 'https://runbooks.test/%s' },
  routing: { defaultReceiver: 'platform-oncall' },
  output: { prometheusRule: { labels: { release: 'kube-prometheus-stack' } }, dashboards: { perTeam: [${perTeam}] } },
});
`;

/** payments pages on payments-pager and overrides ContainerOOMKilled's severity; search has tickets of its own. */
function routedProject(): GitProject {
  const repo = gitProject();
  repo.write('headroom.config.ts', ROUTED_CONFIG("'payments'"));
  repo.edit('teams/payments.yaml', 'labels:', 'routing: { receiver: payments-pager }\nlabels:');
  repo.edit(
    'teams/payments.yaml',
    '{ threshold: 0.9, for: 10m }',
    '{ threshold: 0.9, for: 10m }\n  containerOOMKilled: { severity: warning }',
  );
  repo.edit(
    'teams/search.yaml',
    'labels:',
    'routing: { receiver: search-pager, ticketReceiver: search-tickets }\nlabels:',
  );
  repo.commit('routing, a per-team dashboard and a severity override');
  return repo;
}

const SEARCH_SEVERITIES =
  'critical: ContainerOOMKilled; warning: ContainerMemoryNearLimit, ContainerProcessOOMKilled, ContainerMemoryLeak, ' +
  'PodMemoryNearLimit, PodsEvicted; info: ContainersWithoutMemoryLimit, ContainersAboveMemoryRequest';

describe('headroom diff: a namespace moving between teams', () => {
  it(
    'says where it moved, the settings and severity that now apply, ' +
      'and its routing labels and receivers old → new',
    async () => {
      const repo = routedProject();
      repo.edit('teams/payments.yaml', 'namespaces: [payments, payments-eu]', 'namespaces: [payments]');
      repo.edit(
        'teams/search.yaml',
        'namespaces: [search, search-indexer]',
        'namespaces: [search, search-indexer, payments-eu]',
      );
      const text = await diff(repo, 'text');
      expect(warnings(text)).toEqual([
        'team payments no longer owns namespace payments-eu: team search does now',
        // payments overrides the severity to warning, search has none: the default critical applies now.
        'namespace payments-eu moves from team payments to team search: ContainerOOMKilled severity warning → critical',
      ]);
      expect(section(text, 'Teams and settings')).toEqual([
        'team payments: namespaces removed payments-eu',
        'team search: namespaces added payments-eu',
      ]);
      expect(section(text, 'Namespaces and nodes changing team')).toEqual([
        'namespace payments-eu: moved from team payments to team search',
        'namespace payments-eu: ContainerMemoryNearLimit threshold 90% → 85%, for 10m → 5m',
        'namespace payments-eu: ContainerOOMKilled window 10m → 30m, severity warning → critical',
        `namespace payments-eu: severity now ${SEARCH_SEVERITIES}`,
        'namespace payments-eu: routing labels team "payments" → "search", slack_channel "#payments-oncall" → ' +
          '"#search"; receiver payments-pager → search-pager, ticketReceiver payments-pager → search-tickets',
      ]);

      const report = JSON.parse(await diff(repo, 'json'));
      expect(report.settings.moves).toEqual([
        {
          kind: 'namespace-moved',
          pattern: 'payments-eu',
          except: [],
          clusters: [],
          exceptClusters: [],
          from: 'payments',
          to: 'search',
          fromUnclaimed: false,
          toUnclaimed: false,
          changes: [
            {
              alert: 'ContainerMemoryNearLimit',
              settings: [
                { name: 'threshold', old: 0.9, new: 0.85 },
                { name: 'for', old: '10m', new: '5m' },
              ],
            },
            {
              alert: 'ContainerOOMKilled',
              settings: [
                { name: 'window', old: '10m', new: '30m' },
                { name: 'severity', old: 'warning', new: 'critical' },
              ],
            },
          ],
          severities: {
            ContainerMemoryNearLimit: 'warning',
            ContainerOOMKilled: 'critical',
            ContainerProcessOOMKilled: 'warning',
            ContainerMemoryLeak: 'warning',
            PodMemoryNearLimit: 'warning',
            PodsEvicted: 'warning',
            ContainersWithoutMemoryLimit: 'info',
            ContainersAboveMemoryRequest: 'info',
          },
          labels: [
            { name: 'team', old: 'payments', new: 'search' },
            { name: 'slack_channel', old: '#payments-oncall', new: '#search' },
          ],
          receivers: [
            { name: 'receiver', old: 'payments-pager', new: 'search-pager' },
            { name: 'ticketReceiver', old: 'payments-pager', new: 'search-tickets' },
          ],
        },
      ]);
      expect(report.warnings.map((warning: { kind: string }) => warning.kind)).toEqual([
        'namespace-lost',
        'severity-moved',
      ]);
    },
  );

  it(
    'a namespace no team claimed before, and one left to nobody: from and to the default team, node alerts for ' +
      'nodes',
    async () => {
      const repo = gitProject();
      repo.edit('teams/search.yaml', 'nodes: [search-pool-*]', 'nodes: []');
      repo.edit(
        'teams/payments.yaml',
        'namespaces: [payments, payments-eu]',
        'namespaces: [payments, payments-eu, ledger]\nnodes: [search-pool-*]',
      );
      const text = await diff(repo, 'text');
      expect(section(text, 'Namespaces and nodes changing team')).toEqual([
        'namespace ledger: moved from the default team platform (unclaimed) to team payments',
        'namespace ledger: ContainerMemoryNearLimit threshold 85% → 90%, for 5m → 10m',
        'namespace ledger: severity now critical: ContainerOOMKilled; warning: ContainerMemoryNearLimit, ' +
          'ContainerProcessOOMKilled, ContainerMemoryLeak, PodMemoryNearLimit, PodsEvicted; info: ' +
          'ContainersWithoutMemoryLimit, ContainersAboveMemoryRequest',
        'namespace ledger: routing labels team "platform" → "payments", slack_channel (none) → "#payments-oncall"',
        'nodes matching search-pool-*: moved from team search to team payments',
        'nodes matching search-pool-*: alert settings the same under both',
        'nodes matching search-pool-*: severity now critical: NodeMemoryPressure; warning: NodeMemoryEvictions',
        'nodes matching search-pool-*: routing labels team "search" → "payments", slack_channel "#search" → ' +
          '"#payments-oncall"',
      ]);
    },
  );
});

describe('headroom diff: a team renamed', () => {
  it(
    'a team file renamed with a new `name` and the same claims is one rename, ' + 'with what the new team value breaks',
    async () => {
      const repo = routedProject();
      repo.write(
        'teams/payments-core.yaml',
        repo
          .read('teams/payments.yaml')
          .replace('name: payments', 'name: payments-core')
          .replace('threshold: 0.9', 'threshold: 0.92'),
      );
      repo.remove('teams/payments.yaml');
      repo.write('headroom.config.ts', ROUTED_CONFIG("'payments-core'"));
      const text = await diff(repo, 'text');
      expect(section(text, 'Teams and settings')).toEqual([
        'config: output.dashboards.perTeam ["payments"] → ["payments-core"]',
        'team "payments" renamed to "payments-core" (same claims: namespaces payments, payments-eu)',
        'team payments-core: ContainerMemoryNearLimit threshold 90% → 92%',
      ]);
      expect(text).not.toMatch(/team payments(-core)?: (added|removed)/);
      expect(section(text, 'Namespaces and nodes changing team')).toEqual([]);
      expect(warnings(text)).toEqual([
        `team payments renamed to payments-core: its alerts now carry team="payments-core"; Alertmanager routes, ` +
          `inhibit rules and silences matching team="payments" stop matching them (headroom's generated routes ` +
          `follow the new name; routes and silences kept by hand do not)`,
        'team payments renamed to payments-core: dashboard links and bookmarks with var-team=payments (dashboard ' +
          "headroom-team) show no data; its own dashboard's uid headroom-team-payments → " +
          'headroom-team-payments-core, so links to /d/headroom-team-payments break',
        'team payments renamed to payments-core: recorded series headroom:namespace_owner:info with team="payments" ' +
          'end and start again as team="payments-core": a graph or query across the change sees two series',
      ]);

      const report = JSON.parse(await diff(repo, 'json'));
      expect(report.settings.moves).toEqual([
        {
          kind: 'team-renamed',
          from: 'payments',
          to: 'payments-core',
          namespaces: ['payments', 'payments-eu'],
          nodes: [],
          clusters: [],
          receivers: [],
        },
      ]);
      expect(report.settings.owners).toEqual([
        {
          team: 'payments-core',
          status: 'renamed',
          renamedFrom: 'payments',
          namespaces: { added: [], removed: [] },
          nodes: { added: [], removed: [] },
          labels: [],
          alerts: [{ alert: 'ContainerMemoryNearLimit', settings: [{ name: 'threshold', old: 0.9, new: 0.92 }] }],
          route: [],
        },
      ]);
      expect(report.warnings.map((warning: { kind: string }) => warning.kind)).toEqual([
        'team-renamed',
        'team-renamed',
        'team-renamed',
      ]);

      const markdown = (await diff(repo, 'markdown')).split('\n');
      expect(markdown).toContain(
        '- team "payments" renamed to "payments-core" (same claims: namespaces payments, payments-eu)',
      );
      expect(markdown).toContain(
        '> - team payments renamed to payments-core: recorded series headroom:namespace\\_owner:info with ' +
          'team="payments" end and start again as team="payments-core": a graph or query across the change sees two ' +
          'series',
      );
    },
  );

  it('not a rename: two unrelated teams, one removed and one added with other claims', async () => {
    const repo = gitProject();
    repo.remove('teams/search.yaml');
    repo.write('teams/ledger.yaml', 'name: ledger\nnamespaces: [ledger]\nlabels: { slack_channel: "#ledger" }\n');
    const text = await diff(repo, 'text');
    expect(section(text, 'Teams and settings')).toEqual([
      'team ledger: added, owns namespaces ledger',
      'team ledger: labels slack_channel="#ledger"',
      'team search: removed (owned namespaces search, search-indexer; nodes search-pool-*)',
    ]);
    expect(text).not.toContain('renamed');
    const report = JSON.parse(await diff(repo, 'json'));
    expect(
      report.settings.moves.map(
        (move: { kind: string; pattern: string; from: string; to: string }) =>
          `${move.kind} ${move.pattern} ${move.from} → ${move.to}`,
      ),
    ).toEqual([
      'namespace-moved ledger platform → ledger',
      'namespace-moved search search → platform',
      'namespace-moved search-indexer search → platform',
      'node-moved search-pool-* search → platform',
    ]);
    expect(
      report.settings.owners.map((owner: { team: string; status: string }) => `${owner.team} ${owner.status}`),
    ).toEqual(['ledger added', 'search removed']);
  });
});
