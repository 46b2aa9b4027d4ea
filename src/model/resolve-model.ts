// Builds the resolved model from a loaded config: checks ownership, applies every team's overrides.
import { InputError } from '../config/input-error.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import type { SourcedTeam } from '../config/load-team-file.ts';
import { type AlertName, type AlertOverrides, type AlertSettings, DEFAULT_ALERTS } from '../alerts/catalogue.ts';
import type { Team } from '../config/team-schema.ts';
import { byCodePoint, sortKeys } from '../values/ordering.ts';
import { dashboardTeamProblems } from './check-dashboard-teams.ts';
import { ownershipProblems } from './check-ownership.ts';
import { routingProblems } from './check-routing.ts';
import { teamLabelProblems } from './check-team-labels.ts';
import type { Model, Owner } from './model.ts';
import { holdBack } from './not-generated.ts';

export function resolveModel(loaded: LoadedConfig): Model {
  const problems = [
    ...ownershipProblems(loaded.teams, loaded.config),
    ...teamLabelProblems(loaded),
    ...dashboardTeamProblems(loaded),
    ...routingProblems(loaded),
  ];
  if (problems.length > 0) throw new InputError(problems);
  const { config } = loaded;
  const defaults = applyOverrides(DEFAULT_ALERTS, config.alerts);
  const teams = [...loaded.teams].map((entry: SourcedTeam) => entry.team).sort((a, b) => byCodePoint(a.name, b.name));
  const defaultTeamFile = teams.find((team) => team.name === config.defaultTeam);
  const catchAll: Owner = {
    claimedBy: undefined,
    team: config.defaultTeam,
    labels: sortKeys(defaultTeamFile?.labels ?? {}),
    namespaces: [],
    nodes: [],
    clusters: [],
    alerts: defaults,
    routing: defaultTeamFile?.routing,
  };
  const absentInputs = [...new Set(config.inputs.absent)].sort(byCodePoint);
  const configured = [...teams.map((team) => teamOwner(team, defaults)), catchAll];
  const held = holdBack(configured, defaults, absentInputs, config.limitSource);
  return {
    clusterLabel: config.cluster?.label,
    namespaceOwnerLabel:
      config.ownership.namespaceLabel === undefined
        ? undefined
        : kubeStateMetricsLabel(config.ownership.namespaceLabel),
    namespaceOwnerKey: config.ownership.namespaceLabel,
    selectors: config.selectors,
    limitSource: config.limitSource,
    absentInputs,
    notGenerated: held.notGenerated,
    links: config.links,
    output: config.output,
    routing: config.routing,
    defaultTeam: config.defaultTeam,
    defaults: held.defaults,
    owners: held.owners,
  };
}

function teamOwner(team: Team, defaults: AlertSettings): Owner {
  return {
    claimedBy: team.name,
    team: team.name,
    labels: sortKeys(team.labels),
    namespaces: [...new Set(team.namespaces)].sort(),
    nodes: [...new Set(team.nodes)].sort(),
    clusters: [...new Set(team.clusters)].sort(),
    alerts: applyOverrides(defaults, team.alerts),
    routing: team.routing,
  };
}

function applyOverrides(defaults: AlertSettings, overrides: AlertOverrides): AlertSettings {
  const merged = { ...defaults };
  for (const name of Object.keys(defaults) as AlertName[]) {
    const given = Object.fromEntries(Object.entries(overrides[name] ?? {}).filter(([, value]) => value !== undefined));
    merged[name] = { ...defaults[name], ...given } as never;
  }
  return merged;
}

/**
 * The label kube-state-metrics exports a Kubernetes label as: `label_` and the key with every other character as `_`.
 */
function kubeStateMetricsLabel(key: string): string {
  return `label_${key.replace(/[^a-zA-Z0-9_]/g, '_')}`;
}
