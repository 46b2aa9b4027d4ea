// "Did you mean …" for an unknown key under `alerts`: the alert's name as it fires (`ContainerOOMKilled`) or in
// another case or spelling of words (`container_oom_killed`) names the setting key `containerOOMKilled`; and a
// setting of one alert (`Window`) names `window`. Keys match when they agree ignoring case, `_` and `-`.
import type { KeyPath } from './input-error.ts';
import { DEFAULT_ALERTS } from '../alerts/catalogue.ts';

const normalized = (key: string) => key.toLowerCase().replace(/[-_]/g, '');

/** The known key an unknown `key` at `path` (the object holding it) most likely meant, if any. */
export function suggestedKey(path: KeyPath, key: string): string | undefined {
  const known = knownKeys(path);
  return known?.find((candidate) => normalized(candidate) === normalized(key));
}

/**
 * The keys the schema knows at `path`, where a suggestion is offered: under `alerts` (config, inline team, team file).
 */
function knownKeys(path: KeyPath): readonly string[] | undefined {
  const underAlerts = (at: number) => path[at] === 'alerts' && (at === 0 || (at === 2 && path[0] === 'teams'));
  if (underAlerts(path.length - 1)) return Object.keys(DEFAULT_ALERTS);
  const alert = path.at(-1);
  if (underAlerts(path.length - 2) && typeof alert === 'string' && Object.hasOwn(DEFAULT_ALERTS, alert)) {
    return Object.keys(DEFAULT_ALERTS[alert as keyof typeof DEFAULT_ALERTS]);
  }
  return undefined;
}
