// Routing mistakes that would silently lose alerts: a team file naming receivers while the config writes no routes
// (nothing would route them), and, for AlertmanagerConfig objects, a receiver without its integrations in
// routing.alertmanagerConfig.receivers (the object would define it empty, and an empty receiver notifies nobody).
import { readFileSync } from 'node:fs';
import { displayPath } from '../config/display-path.ts';
import type { KeyPath, Problem, SourceFile } from '../config/input-error.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import { typescriptLocator } from '../config/locate-typescript.ts';
import { problemAt } from '../config/zod-problems.ts';

export function routingProblems({ config, configFile, teams }: LoadedConfig): Problem[] {
  const routing = config.routing;
  if (routing === undefined) {
    return teams
      .filter((entry) => entry.team.routing !== undefined)
      .map((entry) =>
        problemAt(
          entry.source,
          [...entry.path, 'routing'],
          'is set but the config has no `routing` (routing.defaultReceiver): nothing would route these alerts',
        ),
      );
  }
  if (!routing.alertmanagerConfig.enabled) return [];
  const defined = new Set(Object.keys(routing.alertmanagerConfig.receivers));
  const missing = (name: string | undefined) => name !== undefined && !defined.has(name);
  const message = (name: string) =>
    `receiver "${name}" has no entry in routing.alertmanagerConfig.receivers: its AlertmanagerConfig object would ` +
    `define it without integrations, and an empty receiver notifies nobody`;
  const problems: Problem[] = [];
  // Located only when there is something to report: parsing the config's TypeScript costs time.
  let configSource: SourceFile | undefined;
  const inConfig = (path: KeyPath, name: string) => {
    configSource ??= {
      file: displayPath(configFile),
      locate: typescriptLocator(configFile, readFileSync(configFile, 'utf8')),
    };
    problems.push(problemAt(configSource, path, message(name)));
  };
  if (missing(routing.defaultReceiver)) inConfig(['routing', 'defaultReceiver'], routing.defaultReceiver);
  if (routing.ticketReceiver !== undefined && missing(routing.ticketReceiver))
    inConfig(['routing', 'ticketReceiver'], routing.ticketReceiver);
  for (const entry of teams) {
    for (const key of ['receiver', 'ticketReceiver'] as const) {
      const name = entry.team.routing?.[key];
      if (name !== undefined && missing(name))
        problems.push(problemAt(entry.source, [...entry.path, 'routing', key], message(name)));
    }
  }
  return problems;
}
