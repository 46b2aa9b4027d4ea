// An input declared absent (`inputs.absent`) holds back every alert that cannot work without it (see
// not-generated.ts): where some team has such an alert on, say so at the declaration, so that nobody learns it from
// an alert that never comes.
import { ALERTS, DEFAULT_ALERTS } from '../alerts/catalogue.ts';
import type { SourceFile } from '../config/input-error.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import { problemAt } from '../config/zod-problems.ts';
import { neededAbsent } from '../rules/input-families.ts';
import { byCodePoint } from '../values/ordering.ts';

/** "A, B, and C": the held-back alerts, each with the teams that have it on. */
const ALERT_LIST = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });

/** At most this many teams are named; the rest are counted. */
const NAMED_TEAMS = 5;

function teamsText(teams: readonly string[]): string {
  const named = teams.slice(0, NAMED_TEAMS).join(', ');
  const more = teams.length > NAMED_TEAMS ? ` and ${teams.length - NAMED_TEAMS} more` : '';
  return `${teams.length === 1 ? 'team' : 'teams'} ${named}${more}`;
}

/** The teams that have the alert on: the default team for what no team claims, and every team file. */
function teamsWithOn(loaded: LoadedConfig, key: keyof typeof DEFAULT_ALERTS): string[] {
  const { config } = loaded;
  const byDefault = config.alerts[key]?.enabled ?? DEFAULT_ALERTS[key].enabled;
  const teams = loaded.teams.filter(({ team }) => team.alerts[key]?.enabled ?? byDefault).map(({ team }) => team.name);
  return [...new Set([...(byDefault ? [config.defaultTeam] : []), ...teams])].sort(byCodePoint);
}

export function absentInputWarnings(loaded: LoadedConfig, source: SourceFile) {
  const { absent } = loaded.config.inputs;
  return absent.flatMap((metric, index) => {
    if (absent.indexOf(metric) !== index) return [];
    const held = ALERTS.filter(
      (alert) => neededAbsent(alert.inputs, [metric], loaded.config.limitSource).length > 0,
    ).flatMap((alert) => {
      const teams = teamsWithOn(loaded, alert.key);
      return teams.length === 0 ? [] : [`${alert.name} (on for ${teamsText(teams)})`];
    });
    if (held.length === 0) return [];
    return [
      problemAt(
        source,
        ['inputs', 'absent', index],
        `${metric} is declared absent: ${ALERT_LIST.format(held)} ${held.length === 1 ? 'needs' : 'need'} it, so ` +
          `${held.length === 1 ? 'it is' : 'they are'} not generated, for any team (turn ` +
          `${held.length === 1 ? 'it' : 'them'} off to end this warning, or keep the series and remove it from ` +
          'inputs.absent)',
      ),
    ];
  });
}
