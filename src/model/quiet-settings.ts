// Settings that are valid but quietly turn alerting off (or drown it): an input declared absent that an alert some team
// has on needs, a range too short to hold two samples, a process-OOM window its alert's fixed `for` outlasts, a
// near-limit threshold that fires for almost every container or only at the kill, a team that owns nothing, a `*`
// claim that leaves ownership by namespace label nothing to decide, a default teams folder that does not exist (no
// team file read, silently); and claims that change nothing (a name listed twice, or covered by another pattern of the
// same team). generate and validate print them as warnings and still write: each has a rare legitimate use, and
// refusing would block a config that works.
import { readFileSync } from 'node:fs';
import { displayPath } from '../config/display-path.ts';
import { formatProblem, type KeyPath, type Problem, type SourceFile } from '../config/input-error.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import { typescriptLocator } from '../config/locate-typescript.ts';
import type { SourcedTeam } from '../config/load-team-file.ts';
import { patternCovers } from '../values/name-pattern.ts';
import type { HeadroomConfig } from '../config/schema.ts';
import type { AlertOverrides } from '../alerts/catalogue.ts';
import { problemAt } from '../config/zod-problems.ts';
import type { AlertDefinition } from '../alerts/alert-definition.ts';
import { settingWarnings } from '../alerts/range-warnings.ts';
import { ALERTS } from '../alerts/catalogue.ts';
import { absentInputWarnings } from './absent-input-warnings.ts';
import { redundantClaims } from './redundant-claims.ts';

/** The warnings, each `file:line:col: key: warning: …`, config first, then the teams in load order. */
export function quietSettingWarnings(loaded: LoadedConfig): string[] {
  const { config } = loaded;
  const configSource: SourceFile = { file: displayPath(loaded.configFile), locate: lazyLocator(loaded.configFile) };
  const warnings = [
    ...(loaded.missingTeamsDir === undefined ? [] : [missingTeamsDirWarning(loaded.missingTeamsDir, configSource)]),
    ...alertWarnings(config.alerts, configSource, ['alerts']),
    ...absentInputWarnings(loaded, configSource),
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
                `team "${entry.team.name}" owns no namespaces and no nodes: its settings and labels apply to nothing ` +
                  `(add namespaces or nodes)`,
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
    message:
      `${shown}/ does not exist, so no team file was read (create it, or set teamsDir to where the team files ` +
      `are; with every team inline in the config, an empty ${shown}/ holding a .gitkeep ends this warning)`,
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
            `"${pattern}" claims every namespace${where}: a team file's claim beats ownership.namespaceLabel, ` +
              `so the label "${config.ownership.namespaceLabel}" decides no owner${where} ` +
              "(list the team's namespaces instead)",
          ),
        ]
      : [],
  );
}

/** Each alert's own warnings about the settings given here (see AlertDefinition.warnings), in catalogue order. */
function alertWarnings(alerts: AlertOverrides, source: SourceFile, at: KeyPath): Problem[] {
  return ALERTS.flatMap((alert) => {
    const given = alerts[alert.key];
    if (given === undefined) return [];
    return settingWarnings(alert as AlertDefinition, given).map(({ setting, message }) =>
      problemAt(source, [...at, alert.key, setting], message),
    );
  });
}

/** Locates keys of the TypeScript config, parsing it only when a warning needs a position. */
function lazyLocator(configFile: string): SourceFile['locate'] {
  let locate: SourceFile['locate'] | undefined;
  return (path) => (locate ??= typescriptLocator(configFile, readFileSync(configFile, 'utf8')))(path);
}
