// headroom's rules on real servers (issue 15): the loopback exporter's series reach Prometheus 3.5 directly and
// vmalert 1.79 (Debian bookworm) and sid's vmalert through their VictoriaMetrics; every ruler loads the plain rule
// file generated from test/fixtures/e2e and notifies its own Alertmanager, built from the generated route tree, which
// posts to the webhook sink. The scenarios play at once, in different clusters and namespaces; each check runs once
// per ruler. After the scenarios, `headroom backtest` over the run must report the alert episodes Prometheus fired
// (issue 17), and `headroom diff --prometheus` count them before and after a threshold change. `npm run e2e`; one
// scenario alone: `npm run e2e -- -t "scenario gap"` (start, gap, relabel, kill; "backtest" plays them all);
// E2E_KEEP=1 keeps the servers' folders, logs and the notifications received.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { gitProject } from '../diff/git-project.ts';
import { FIXTURES } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-cli.ts';
import { type BacktestCheck, checkBacktest } from './harness/backtest-check.ts';
import { RulerPages } from './harness/pages.ts';
import { RuleHealth } from './harness/rule-health.ts';
import { RULER_NAMES, startStack, type Stack } from './harness/stack.ts';
import { World } from './harness/world.ts';
import { gap } from './scenarios/gap.ts';
import { oneKill } from './scenarios/one-kill.ts';
import { relabel } from './scenarios/relabel.ts';
import type { Scenario } from './scenarios/scenario.ts';
import type { BacktestComparison } from '../../src/backtest/compare-rule-sets.ts';
import type { Episode } from '../../src/backtest/episodes.ts';
import { start } from './scenarios/start.ts';

const CONFIG = join(FIXTURES, 'e2e', 'headroom.config.ts');
const SCENARIOS: Scenario[] = [start, gap, relabel, oneKill];
const CLUSTERS = [...new Set(SCENARIOS.flatMap((scenario) => scenario.clusters))].sort();

const began = Date.now();
const alertname = (episode: Episode) => episode.labels.alertname!;
let stack: Stack | undefined;
let health: RuleHealth | undefined;
let readyAt = 0;

beforeAll(async () => {
  stack = await startStack(CONFIG, CLUSTERS);
  readyAt = Date.now();
  health = new RuleHealth(stack.rulers);
  health.start();
}, 120_000);

afterAll(async () => {
  health?.stop();
  if (process.env.E2E_KEEP !== undefined && stack !== undefined) {
    writeFileSync(join(stack.processes.root, 'notifications.json'), JSON.stringify(stack.sink.notifications, null, 1));
    console.log(
      `e2e: the servers' logs and data, the rule file and notifications.json are kept in ${stack.processes.root}`,
    );
  }
  const pids = stack?.processes.running() ?? [];
  await stack?.stop();
  // Stopped means gone: no pid of ours may still answer signal 0.
  const alive = pids.filter((pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  });
  if (alive.length > 0) throw new Error(`e2e: processes still running after the stop: ${alive.join(' ')}`);
  const rulers = stack?.rulers.map((ruler) => `${ruler.name}: ${ruler.version}`).join('; ') ?? 'not started';
  console.log(
    `e2e: ${((Date.now() - began) / 1000).toFixed(0)} s in all (servers ready in ` +
      `${((readyAt - began) / 1000).toFixed(1)} s; stopped ${pids.length} by pid: ${pids.join(' ')}); ${rulers}`,
  );
}, 30_000);

/** Each scenario plays once, started by the first of its checks that runs; the others wait for the same play. */
const plays = new Map<Scenario, Promise<World>>();
function played(scenario: Scenario): Promise<World> {
  let play = plays.get(scenario);
  if (play === undefined) {
    if (stack === undefined) throw new Error('the servers did not start');
    const world = new World(stack.exporter);
    play = scenario.drive(world).then(() => world);
    plays.set(scenario, play);
  }
  return play;
}

/** Seconds between the rulers' evaluations (harness/prometheus-config.ts). */
const INTERVAL = 5;
let backtestRun: Promise<BacktestCheck> | undefined;

/** headroom backtest against the Prometheus that ran the rules, once every scenario has played (started if need be). */
function backtested(): Promise<BacktestCheck> {
  backtestRun ??= (async () => {
    await Promise.all(SCENARIOS.map(played));
    const prometheus = stack?.rulers.find((ruler) => ruler.name === 'Prometheus 3.5');
    if (prometheus === undefined) throw new Error('the servers did not start');
    // From the first evaluation after the servers were ready; the scenarios' series appeared after it.
    return checkBacktest(prometheus.url, CONFIG, readyAt / 1000 + INTERVAL, INTERVAL);
  })();
  return backtestRun;
}

describe.concurrent('headroom end to end', () => {
  for (const scenario of SCENARIOS) {
    describe(scenario.title, () => {
      for (const ruler of RULER_NAMES) {
        for (const check of scenario.checks) {
          it(`${ruler}: ${check.title}`, async ({ expect }) => {
            const world = await played(scenario);
            if (stack === undefined) throw new Error('the servers did not start');
            expect(check.problems(new RulerPages(stack.sink, ruler), world), `${ruler}: ${check.title}`).toEqual([]);
          });
        }
      }
    });
  }

  describe('backtest', () => {
    it(
      'Prometheus 3.5: headroom backtest over the run reports the episodes the server fired (its ALERTS), ' +
        'each pending, firing and resolved within one evaluation interval',
      async ({ expect }) => {
        const check = await backtested();
        expect(check.problems, check.runs.map((run) => run.args.join(' ')).join('\n')).toEqual([]);
        // What was compared: alerts that fired and alerts that only went pending, from every scenario.
        const fired = new Set(check.fired.filter((episode) => episode.firingAt !== undefined).map(alertname));
        expect([...fired].sort()).toEqual(
          expect.arrayContaining(['ContainerMemoryNearLimit', 'ContainerOOMKilled', 'NodeMemoryEvictions']),
        );
        expect(check.fired.filter((episode) => episode.firingAt === undefined).map(alertname)).toContain(
          'ContainerProcessOOMKilled',
        );
        // Every scenario's: about 38 episodes (the matching itself, per label set, is in check.problems).
        expect(check.fired.length).toBeGreaterThan(20);
      },
    );

    it('Prometheus 3.5: headroom diff --prometheus counts the alerts before and after a threshold change', async ({
      expect,
    }) => {
      const check = await backtested();
      const prometheus = stack?.rulers.find((ruler) => ruler.name === 'Prometheus 3.5');
      if (prometheus === undefined) throw new Error('the servers did not start');
      // The fixture committed, then payments' ContainerMemoryNearLimit threshold raised from 85% to 97%: its hot
      // containers at 95% of their limit (scenario relabel) stop alerting, those at 99% (scenario kill, namespace
      // payments-kill) go on; the other teams' alerts stay as they were.
      const repo = gitProject(join(FIXTURES, 'e2e'));
      repo.edit(
        'headroom.config.ts',
        "name: 'payments',\n",
        "name: 'payments',\n      alerts: { containerMemoryNearLimit: { threshold: 0.97 } },\n",
      );
      // The range and grid of the backtest check's first run (the container group's evaluations).
      const run = check.runs[0]!.args;
      const flag = (name: string) => run[run.indexOf(name) + 1]!;
      const result = await runCli(
        [
          'diff',
          ...['--base', 'main', '--prometheus', prometheus.url, '--interval', `${INTERVAL}s`],
          ...['--since', flag('--since'), '--until', flag('--until'), '--format', 'json'],
        ],
        repo.dir,
      );
      expect(result.code, result.stderr).toBe(0);
      const { backtest } = JSON.parse(result.stdout) as { backtest: BacktestComparison };
      expect(backtest.changed).toEqual(['ContainerMemoryNearLimit']);
      // Before: the alerts the backtest check found per team on the same grid; after: the same but payments'.
      const before: Record<string, number> = {};
      let aboveNewThreshold = 0;
      for (const episode of check.backtested)
        if (alertname(episode) === 'ContainerMemoryNearLimit' && episode.firingAt !== undefined) {
          before[episode.labels.team!] = (before[episode.labels.team!] ?? 0) + 1;
          if (episode.labels.namespace === 'payments-kill') aboveNewThreshold += 1;
        }
      expect(Object.keys(before).sort()).toEqual(['payments', 'search', 'storage']);
      // Some of payments' alerts go with the raise, not all.
      expect(before.payments).toBeGreaterThan(aboveNewThreshold);
      expect(backtest.counts).toEqual(
        Object.keys(before)
          .sort()
          .map((team) => ({
            team,
            alert: 'ContainerMemoryNearLimit',
            before: before[team],
            after: team === 'payments' ? aboveNewThreshold : before[team],
          })),
      );
    });
  });

  describe('rules', () => {
    for (const name of RULER_NAMES) {
      it(`${name}: every rule evaluates without error (rules API, polled every 5 s while the scenarios play)`, async ({
        expect,
      }) => {
        // Let the scenarios' checks start their plays, then watch until the last one ends.
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        await Promise.all([...plays.values()]);
        const ruler = stack?.rulers.find((candidate) => candidate.name === name);
        if (ruler === undefined || health === undefined) throw new Error('the servers did not start');
        const report = await health.report(ruler);
        expect(report.rules, `${name}: rules in the rules API`).toBeGreaterThan(0);
        expect(report.problems, `${name}: rules with an error`).toEqual([]);
      });
    }
  });
});
