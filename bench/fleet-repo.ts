// A fleet config (bench/fleet-config.ts) as a GitOps repository: config, team files and generated/ committed, and
// the changes a pull request makes to it, for timing `headroom diff --base` and `headroom check` the way CI runs them.
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fleetTeamFile, writeFleetTeam } from './fleet-config.ts';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'headroom bench',
  GIT_AUTHOR_EMAIL: 'bench@headroom.invalid',
  GIT_COMMITTER_NAME: 'headroom bench',
  GIT_COMMITTER_EMAIL: 'bench@headroom.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
};

/** A change a pull request makes to the fleet's config or team files. */
interface FleetChange {
  name: string;
  apply(dir: string, teams: number): void;
}

function edit(file: string, from: string, to: string): void {
  const before = readFileSync(file, 'utf8');
  if (!before.includes(from)) throw new Error(`${file}: ${from} not found`);
  writeFileSync(file, before.replace(from, to));
}

/** The team every one-team change edits: no overrides of its own, not scoped to clusters, no node pool. */
const EDITED_TEAM = 3;
/** The team removed: one with overrides, scoped to clusters. */
const REMOVED_TEAM = 7;

export const FLEET_CHANGES: FleetChange[] = [
  {
    name: 'default change',
    apply: (dir) =>
      edit(
        join(dir, 'headroom.config.ts'),
        "defaultTeam: 'platform',",
        "defaultTeam: 'platform',\n  alerts: { containerMemoryNearLimit: { threshold: 0.9 } },",
      ),
  },
  {
    name: 'one-team change',
    apply: (dir) =>
      appendFileSync(
        join(dir, fleetTeamFile(EDITED_TEAM)),
        'alerts:\n  containerMemoryNearLimit:\n    threshold: 0.7\n',
      ),
  },
  {
    name: 'label change',
    apply: (dir) => edit(join(dir, fleetTeamFile(EDITED_TEAM)), '-primary', '-secondary'),
  },
  {
    name: 'team added',
    // A team between the others (a new name sorts among them): its claims, its row of the teams table.
    apply: (dir, teams) => writeFleetTeam(dir, teams),
  },
  {
    name: 'team removed',
    apply: (dir) => rmSync(join(dir, fleetTeamFile(REMOVED_TEAM))),
  },
];

export function git(dir: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: GIT_ENV });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** Commits everything in `dir` as the base of the changes (a repository of its own on the first call). */
export function commitFleet(dir: string): void {
  git(dir, 'init', '-q');
  git(dir, 'symbolic-ref', 'HEAD', 'refs/heads/main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'fleet');
}

/** Undoes a change: the work tree as committed. */
export function resetFleet(dir: string): void {
  git(dir, 'reset', '-q', '--hard', 'HEAD');
  git(dir, 'clean', '-q', '-fd');
}
