// Settings that are valid but quietly turn alerting off (or drown it): a range too short to hold two samples, a
// process-OOM window its alert's fixed `for` outlasts, a near-limit threshold that fires for almost every container or
// only at the kill, a team that owns nothing, a `*` claim that leaves ownership by namespace label nothing to decide,
// a default teams folder that does not exist (no team file read, silently); and claims that change nothing (a name
// listed twice, or covered by another pattern of the same team). generate and validate print them as warnings and
// still write: each has a rare legitimate use, and refusing would block a config that works.
import { readFileSync } from 'node:fs';
import { displayPath } from '../config/display-path.ts';
import { durationMs, isDuration } from '../values/duration.ts';
import { formatProblem, type KeyPath, type Problem, type SourceFile } from '../config/input-error.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import { typescriptLocator } from '../config/locate-typescript.ts';
import type { SourcedTeam } from '../config/load-team-file.ts';
import { patternCovers } from '../values/name-pattern.ts';
import type { AlertOverrides, HeadroomConfig } from '../config/schema.ts';
import { problemAt } from '../config/zod-problems.ts';
import { PROCESS_OOM_FOR } from '../rules/container-process-oom-killed.ts';
import { redundantClaims } from './redundant-claims.ts';

/** kube-prometheus scrapes kubelet and kube-state-metrics every 30s: a range needs two scrapes to show a change. */
const SHORTEST_RANGE = '1m';
/** Below this a "near the limit" alert fires for most containers. */
const LOW_THRESHOLD = 0.5;
/** At or above this it fires moments before the kill, or (at 1: the ratio never exceeds 1) never. */
const KILL_THRESHOLD = 0.99;

/** Settings that are range selectors in the rules: [alert, setting]. */
const RANGES = [
  ['containerOOMKilled', 'window'],
  ['containerProcessOOMKilled', 'window'],
  ['nodeMemoryEvictions', 'window'],
  ['podsEvicted', 'window'],
  ['containerMemoryLeak', 'lookback'],
] as const;
const THRESHOLDS = ['containerMemoryNearLimit', 'podMemoryNearLimit'] as const;

/** The warnings, each `file:line:col: key: warning: …`, config first, then the teams in load order. */
export function quietSettingWarnings(loaded: LoadedConfig): string[] {
  const { config } = loaded;
  const configSource: SourceFile = { file: displayPath(loaded.configFile), locate: lazyLocator(loaded.configFile) };
  const warnings = [
    ...(loaded.missingTeamsDir === undefined ? [] : [missingTeamsDirWarning(loaded.missingTeamsDir, configSource)]),
    ...alertWarnings(config.alerts, configSource, ['alerts']),
    ...loaded.teams.flatMap((entry) => {
      const ownsNothing =
        entry.team.name !== config.defaultTeam &&
        entry.team.namespaces.length === 0 &&
        entry.team.nodes.length === 0 &&
        config.ownership.namespaceLabel === undefined;
      return [
        ...(ownsNothing
          ? [
              problemAt(
                entry.source,
                [...entry.path, 'name'],
                `team "${entry.team.name}" owns no namespaces and no nodes: its settings and labels apply to nothing (add namespaces or nodes)`,
              ),
            ]
          : []),
        ...claimWarnings(entry, config),
        ...alertWarnings(entry.team.alerts, entry.source, [...entry.path, 'alerts']),
      ];
    }),
  ];
  return warnings.map((problem) => formatProblem({ ...problem, message: `warning: ${problem.message}` }));
}

/** The default teams folder is absent: every team file would be ignored without a word, leaving zero teams. */
function missingTeamsDirWarning(folder: string, source: SourceFile): Problem {
  const shown = displayPath(folder);
  return {
    file: source.file,
    key: 'teamsDir',
    message: `${shown}/ does not exist, so no team file was read (create it, or set teamsDir to where the team files are; with every team inline in the config, an empty ${shown}/ holding a .gitkeep ends this warning)`,
  };
}

function claimWarnings(entry: SourcedTeam, config: HeadroomConfig): Problem[] {
  const at = (path: KeyPath, message: string) => problemAt(entry.source, [...entry.path, ...path], message);
  const redundant = (['namespaces', 'nodes'] as const).flatMap((field) => {
    const patterns = entry.team[field];
    return redundantClaims(patterns).map(({ index, coveredBy }) => {
      const pattern = patterns[index]!;
      const other = patterns[coveredBy]!;
      const earlier = `${field}.${coveredBy}`;
      return at(
        [field, index],
        other === pattern
          ? `"${pattern}" is already listed (${earlier}): listing it again changes nothing`
          : `"${pattern}" is already covered by "${other}" (${earlier}) of this team: it changes nothing`,
      );
    });
  });
  return [...redundant, ...labelOwnershipOverridden(entry, config, at)];
}

/**
 * With ownership.namespaceLabel, a team file's claim beats the label: a claim of every namespace (`*`) leaves the
 * label nothing to decide, in the team's clusters.
 */
function labelOwnershipOverridden(
  entry: SourcedTeam,
  config: HeadroomConfig,
  at: (path: KeyPath, message: string) => Problem,
): Problem[] {
  if (config.ownership.namespaceLabel === undefined) return [];
  const where = entry.team.clusters.length === 0 ? '' : ` in clusters ${entry.team.clusters.join(', ')}`;
  return entry.team.namespaces.flatMap((pattern, index) =>
    // `?*`: every name of at least one character, which every namespace name is.
    patternCovers(pattern, '?*')
      ? [
          at(
            ['namespaces', index],
            `"${pattern}" claims every namespace${where}: a team file's claim beats ownership.namespaceLabel, so the label "${config.ownership.namespaceLabel}" decides no owner${where} (list the team's namespaces instead)`,
          ),
        ]
      : [],
  );
}

function alertWarnings(alerts: AlertOverrides, source: SourceFile, at: KeyPath): Problem[] {
  const problems: Problem[] = [];
  const settings = alerts as Record<string, Record<string, unknown> | undefined>;
  for (const [alert, setting] of RANGES) {
    const value = settings[alert]?.[setting];
    if (typeof value !== 'string' || !isDuration(value)) continue;
    const path = [...at, alert, setting];
    if (durationMs(value) < durationMs(SHORTEST_RANGE)) {
      problems.push(
        problemAt(
          source,
          path,
          `${value} is shorter than ${SHORTEST_RANGE}: at kube-prometheus' 30s scrape interval the range holds at most one sample, so the rule sees no change and the alert never fires`,
        ),
      );
    } else if (alert === 'containerProcessOOMKilled' && durationMs(value) <= durationMs(PROCESS_OOM_FOR)) {
      problems.push(
        problemAt(
          source,
          path,
          `${value} is not longer than the alert's fixed for: ${PROCESS_OOM_FOR}: a kill leaves the window before the alert may fire, so it never fires`,
        ),
      );
    }
  }
  for (const alert of THRESHOLDS) {
    const value = settings[alert]?.threshold;
    if (typeof value !== 'number') continue;
    const path = [...at, alert, 'threshold'];
    if (value < LOW_THRESHOLD) {
      problems.push(
        problemAt(
          source,
          path,
          `${value} is below ${LOW_THRESHOLD}: the alert fires for every container using more than ${percent(value)} of its memory limit, most of them (thresholds are fractions: 0.85 is 85%)`,
        ),
      );
    } else if (value >= 1) {
      problems.push(
        problemAt(
          source,
          path,
          `${value} never fires: the working set never exceeds the limit, the kernel OOM-kills the container at it (ContainerOOMKilled reports that)`,
        ),
      );
    } else if (value >= KILL_THRESHOLD) {
      problems.push(
        problemAt(
          source,
          path,
          `${value} fires only moments before the kernel OOM-kills the container: no time is left to act`,
        ),
      );
    }
  }
  return problems;
}

function percent(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(3))}%`;
}

/** Locates keys of the TypeScript config, parsing it only when a warning needs a position. */
function lazyLocator(configFile: string): SourceFile['locate'] {
  let locate: SourceFile['locate'] | undefined;
  return (path) => (locate ??= typescriptLocator(configFile, readFileSync(configFile, 'utf8')))(path);
}
