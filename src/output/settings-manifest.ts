// headroom-settings.yaml: the resolved model in words a reviewer reads and `headroom diff` compares —
// who owns which namespaces and nodes, and the effective settings of every alert. Deriving these from PromQL
// text would be fragile; this file states them. It is not a Kubernetes object (no apiVersion/kind), so
// kustomization.yaml leaves it out.
import type { AlertSettings } from '../alerts/catalogue.ts';
import type { Model, Owner } from '../model/model.ts';
import { type GeneratedFile, textFile } from './generated-file.ts';
import { routingSettings } from './alertmanager-team-routes.ts';
import { yamlHeader } from './header.ts';
import { type StringifyOptions, yamlStringifier } from './yaml-stringifier.ts';
import { sortKeys, sortKeysDeep } from '../values/ordering.ts';

export const SETTINGS_MANIFEST_PATH = 'headroom-settings.yaml';

interface ManifestOwner {
  namespaces: string[];
  nodes: string[];
  /** Clusters where the claim and the overrides hold; absent: every cluster. */
  clusters?: string[];
  labels: Record<string, string>;
  alerts: AlertSettings;
}

interface SettingsManifest {
  defaultTeam: string;
  /** Settings that apply to every owner: where metrics and limits come from, links, output objects' metadata. */
  global: unknown;
  /** Alert settings of the config, before any team's overrides. */
  defaults: AlertSettings;
  /** Claiming teams by name. */
  teams: Record<string, ManifestOwner>;
  /** Everything no team claims: alerts carry `team: <defaultTeam>` and these settings. */
  unclaimed: Omit<ManifestOwner, 'namespaces' | 'nodes'>;
  /**
   * Alerts some team has on that `inputs.absent` holds back, by name: the declared-absent inputs each needs. Off in
   * every owner's settings above. Absent when none is.
   */
  notGenerated?: Record<string, readonly string[]>;
}

function settingsManifest(model: Model): SettingsManifest {
  const teams = Object.fromEntries(
    model.owners.filter((owner) => owner.claimedBy !== undefined).map((owner) => [owner.team, ownerEntry(owner)]),
  );
  const catchAll = model.owners.find((owner) => owner.claimedBy === undefined);
  return {
    defaultTeam: model.defaultTeam,
    global: sortKeysDeep({
      clusterLabel: model.clusterLabel ?? NO_CLUSTER_LABEL,
      ownership: ownershipText(model),
      limitSource: model.limitSource,
      // Only where some input is declared absent: a tree generated before `inputs` existed reads the same.
      ...(model.absentInputs.length > 0 ? { inputs: { absent: model.absentInputs } } : {}),
      selectors: model.selectors,
      links: model.links,
      output: outputSettings(model),
      routing: routingSettings(model),
    }),
    defaults: model.defaults,
    teams: sortKeys(teams),
    unclaimed: { labels: catchAll?.labels ?? {}, alerts: catchAll?.alerts ?? model.defaults },
    ...(model.notGenerated.length > 0
      ? { notGenerated: Object.fromEntries(model.notGenerated.map(({ alert, needs }) => [alert, needs])) }
      : {}),
  };
}

/** What `clusterLabel` says when the config has none: every series is taken as one cluster's. */
const NO_CLUSTER_LABEL = 'none (one cluster)';

/** How namespace owners are decided, in words: the diff shows a switch of mode as this text changing. */
function ownershipText(model: Model): string {
  return model.namespaceOwnerLabel === undefined
    ? 'team files'
    : `team files, then the namespace label (kube_namespace_labels ${model.namespaceOwnerLabel}); labels naming no ` +
        `team go to the default team`;
}

/** Every output setting but the folder, which only says where the files go. */
function outputSettings(model: Model): Record<string, unknown> {
  const { dir: _dir, ...settings } = model.output;
  return settings;
}

function ownerEntry(owner: Owner): ManifestOwner {
  return {
    namespaces: owner.namespaces,
    nodes: owner.nodes,
    ...(owner.clusters.length > 0 ? { clusters: owner.clusters } : {}),
    labels: owner.labels,
    alerts: owner.alerts,
  };
}

const EXPLANATION =
  '# The resolved settings: what each team owns and the effective settings of its alerts (defaults with the\n' +
  "# team's overrides applied). `headroom diff` compares this file; it is not applied to the cluster.\n";

export const SETTINGS_OPTIONS: StringifyOptions = { lineWidth: 0, aliasDuplicateObjects: false };

const stringify = yamlStringifier(SETTINGS_OPTIONS);

export function settingsManifestFiles(model: Model): GeneratedFile[] {
  const manifest = settingsManifest(model);
  return [textFile(SETTINGS_MANIFEST_PATH, yamlHeader() + EXPLANATION + stringify(manifest), manifest)];
}
