// Maps kubernetes-mixin's `_config` (as JSON) to headroom settings: the keys that mean the same thing become a
// headroom config snippet; every other key is reported as ignored, with the reason, so nothing is dropped silently.
// The snippet is checked with the config schema itself: a value kubernetes-mixin takes but headroom refuses (a
// cluster label named `namespace`, which headroom sets itself) is ignored with the schema's reason, so the snippet
// never holds a setting `generate` would refuse.
import type { KeyPath, Problem } from '../config/input-error.ts';
import { configSchema } from '../config/schema.ts';
import { parseSelector } from '../values/selector.ts';
import { zodProblems } from '../config/zod-problems.ts';
import { SHARED_SETTINGS } from '../output/mixin-shared-settings.ts';

export interface MappedSetting {
  mixinKey: string;
  headroomKey: string;
  value: string;
  /** Something the user should know about the value, e.g. that the runbook site lacks headroom's pages. */
  note?: string;
}

export interface IgnoredSetting {
  mixinKey: string;
  reason: string;
}

export interface MixinConfigImport {
  /** Nested like headroom.config.ts, only the mapped keys. */
  config: Record<string, Record<string, string>>;
  mapped: MappedSetting[];
  ignored: IgnoredSetting[];
  /** Mapped keys whose value headroom cannot use, with the key path into the input for locating them. */
  problems: (Omit<Problem, 'file'> & { path: KeyPath })[];
}

const NO_SUCH_SERIES = 'headroom reads only cadvisor and kube-state-metrics series';
const FIXED_DASHBOARDS = "headroom's dashboards do not have this setting";

/** Why each other kubernetes-mixin key has no headroom counterpart. Keys are top-level or dotted. */
const IGNORED: Record<string, string> = {
  SLOs: 'headroom has no SLO (burn rate) alerts',
  kubeletSelector: NO_SUCH_SERIES,
  nodeExporterSelector: NO_SUCH_SERIES,
  kubeSchedulerSelector: NO_SUCH_SERIES,
  kubeControllerManagerSelector: NO_SUCH_SERIES,
  kubeApiserverSelector: NO_SUCH_SERIES,
  kubeProxySelector: NO_SUCH_SERIES,
  windowsExporterSelector: NO_SUCH_SERIES,
  hostNetworkInterfaceSelector: `${NO_SUCH_SERIES} (no network series)`,
  hostMountpointSelector: `${NO_SUCH_SERIES} (no filesystem series)`,
  containerfsSelector: `${NO_SUCH_SERIES} (no filesystem series)`,
  fstypes: `${NO_SUCH_SERIES} (no filesystem series)`,
  fstypeSelector: `${NO_SUCH_SERIES} (no filesystem series)`,
  diskDevices: `${NO_SUCH_SERIES} (no disk series)`,
  diskDeviceSelector: `${NO_SUCH_SERIES} (no disk series)`,
  pvExcludedSelector: 'headroom has no volume alerts',
  kubeJobTimeoutDuration: 'headroom has no Job alerts',
  podLabel: 'headroom always reads the label `pod`, as cadvisor and kube-state-metrics 2.x name it',
  namespaceLabel: 'headroom always reads the label `namespace`, as cadvisor and kube-state-metrics name it',
  grafanaDashboardIDs:
    "headroom's dashboard uids are fixed (headroom-overview, headroom-team, and headroom-team-<name> for " +
    'output.dashboards.perTeam): its alerts link to them',
  grafana72: "headroom's dashboards always use $__rate_interval (Grafana 7.2 and later)",
  grafanaIntervalVar: "headroom's dashboards always use $__rate_interval (Grafana 7.2 and later)",
  datasourceName: "headroom's dashboards choose the Prometheus data source with a `datasource` variable",
  datasourceFilterRegex: "headroom's dashboards choose the Prometheus data source with a `datasource` variable",
  'grafanaK8s.dashboardNamePrefix': `${FIXED_DASHBOARDS}: their titles start with "Kubernetes memory / "`,
  'grafanaK8s.dashboardTags':
    `${FIXED_DASHBOARDS}: they are tagged headroom, kubernetes, memory (their link menus ` +
    `find each other by the headroom tag)`,
  'grafanaK8s.linkPrefix':
    `${FIXED_DASHBOARDS}: links between them are /d/<uid>, which Grafana resolves under its ` +
    `own sub-path; alerts link through links.grafanaUrl`,
  'grafanaK8s.refresh': `${FIXED_DASHBOARDS}: they refresh every 1m`,
  'grafanaK8s.minimumTimeInterval': FIXED_DASHBOARDS,
  'grafanaK8s.grafanaTimezone': `${FIXED_DASHBOARDS}: they show the viewer's browser time zone`,
};

/** Runbook sites that hold kubernetes-mixin's pages only, not headroom's. */
const MIXIN_RUNBOOK_SITES = ['github.com/kubernetes-monitoring/kubernetes-mixin', 'runbooks.prometheus-operator.dev'];

export function importMixinConfig(input: unknown): MixinConfigImport {
  const result: MixinConfigImport = { config: {}, mapped: [], ignored: [], problems: [] };
  if (!isObject(input)) {
    result.problems.push({
      path: [],
      message:
        "must be a JSON object: kubernetes-mixin's _config, " +
        'e.g. from jsonnet -e \'(import "mixin.libsonnet")._config\'',
    });
    return result;
  }
  // `{ "_config": {...} }` is accepted as well as the bare object.
  const { root, prefix } =
    isObject(input._config) && Object.keys(input).length === 1
      ? { root: input._config, prefix: ['_config'] }
      : { root: input, prefix: [] };

  for (const [mixinKey, value] of leafSettings(root)) {
    const path = [...prefix, ...mixinKey.split('.')];
    if (mixinKey === 'showMultiCluster' || mixinKey === 'clusterLabel') {
      mapMultiCluster(result, root, mixinKey, path);
      continue;
    }
    const shared = SHARED_SETTINGS.find((setting) => setting.mixinKey === mixinKey);
    if (!shared) {
      result.ignored.push({ mixinKey, reason: ignoredReason(mixinKey, value) });
      continue;
    }
    const problem = typeof value === 'string' ? checkValue(shared.headroomKey, value) : 'must be a string';
    if (problem) {
      result.problems.push({ path, key: mixinKey, message: problem });
      continue;
    }
    const text = value as string;
    const [section, key] = shared.headroomKey.split('.') as [string, string];
    (result.config[section] ??= {})[key] = text;
    const note =
      shared.headroomKey === 'links.runbookUrlPattern' && MIXIN_RUNBOOK_SITES.some((site) => text.includes(site))
        ? "that site has kubernetes-mixin's runbooks, not headroom's: host docs/alerts/*.md there, or point the " +
          'pattern where you host them'
        : undefined;
    result.mapped.push({ mixinKey, headroomKey: shared.headroomKey, value: text, ...(note ? { note } : {}) });
  }
  ignoreWhatHeadroomRefuses(result);
  return result;
}

/**
 * The settings a snippet is spread beside (the README's example): the schema requires them, kubernetes-mixin has none.
 */
const PLACEHOLDERS = {
  defaultTeam: 'platform',
  links: { grafanaUrl: 'https://grafana.invalid', runbookUrlPattern: 'https://runbooks.invalid/%s' },
};

/** Mapped settings whose value the config schema refuses move to `ignored`, with the schema's message. */
function ignoreWhatHeadroomRefuses(result: MixinConfigImport): void {
  const refusals = schemaRefusals(result.config);
  if (refusals.length === 0) return;
  const refusedOf = (setting: MappedSetting) =>
    refusals.find(({ key }) => key === setting.headroomKey || key.startsWith(`${setting.headroomKey}.`));
  const refused = result.mapped.filter((setting) => refusedOf(setting) !== undefined);
  for (const setting of refused) {
    const [section, key] = setting.headroomKey.split('.') as [string, string];
    const value = JSON.stringify(result.config[section]?.[key]);
    result.ignored.push({
      mixinKey: setting.mixinKey,
      reason: `headroom refuses ${setting.headroomKey} ${value}: ${refusedOf(setting)!.message}`,
    });
  }
  result.mapped = result.mapped.filter((setting) => !refused.includes(setting));
  for (const setting of refused) {
    const [section, key] = setting.headroomKey.split('.') as [string, string];
    const values = result.config[section];
    if (!values) continue;
    delete values[key];
    if (Object.keys(values).length === 0) delete result.config[section];
  }
  // Every refusal belongs to a mapped setting; one that does not would be a mapping headroom got wrong.
  const left = schemaRefusals(result.config);
  if (left.length > 0)
    throw new Error(
      `import-mixin-config built a snippet the config schema refuses: ${left
        .map(({ key, message }) => `${key}: ${message}`)
        .join('; ')}`,
    );
}

function schemaRefusals(config: MixinConfigImport['config']): { key: string; message: string }[] {
  const candidate = { ...PLACEHOLDERS, ...config, links: { ...PLACEHOLDERS.links, ...config.links } };
  const parsed = configSchema.safeParse(candidate);
  if (parsed.success) return [];
  return zodProblems(parsed.error, { file: 'snippet', locate: () => undefined }).map((problem) => ({
    key: problem.key ?? '',
    message: problem.message,
  }));
}

/**
 * showMultiCluster + clusterLabel → `cluster: { label }`: the cluster label joins every key of the rules and the
 * dashboards get a cluster variable, as in kubernetes-mixin. Without showMultiCluster both stay off, as there.
 */
function mapMultiCluster(
  result: MixinConfigImport,
  root: Record<string, unknown>,
  mixinKey: string,
  path: KeyPath,
): void {
  const on = root.showMultiCluster;
  if (typeof on !== 'boolean') {
    if (mixinKey === 'showMultiCluster')
      result.problems.push({ path, key: mixinKey, message: 'must be true or false' });
    else result.ignored.push({ mixinKey, reason: 'used only with showMultiCluster: true' });
    return;
  }
  if (!on) {
    result.ignored.push({
      mixinKey,
      reason: 'showMultiCluster is false: one cluster per config, as headroom does without `cluster`',
    });
    return;
  }
  const label = root.clusterLabel ?? 'cluster';
  if (typeof label !== 'string' || !/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(label)) {
    if (mixinKey === 'clusterLabel')
      result.problems.push({ path, key: mixinKey, message: 'must be a Prometheus label name' });
    return;
  }
  (result.config.cluster ??= {}).label = label;
  result.mapped.push({
    mixinKey,
    headroomKey: 'cluster.label',
    value: mixinKey === 'showMultiCluster' ? 'true' : label,
  });
}

/** Label names headroom assumes: a different one in kubernetes-mixin means its series will not match. */
const ASSUMED_LABELS: Record<string, string> = { podLabel: 'pod', namespaceLabel: 'namespace' };

function ignoredReason(mixinKey: string, value: unknown): string {
  const reason = IGNORED[mixinKey] ?? 'not a kubernetes-mixin setting headroom knows';
  const assumed = ASSUMED_LABELS[mixinKey];
  return assumed !== undefined && value !== assumed
    ? `${reason}; yours is ${JSON.stringify(value)}: relabel it to \`${assumed}\`, or headroom's rules match no series`
    : reason;
}

function checkValue(headroomKey: string, value: string): string | undefined {
  if (headroomKey.startsWith('selectors.')) return parseSelector(value);
  if (headroomKey === 'links.runbookUrlPattern' && !value.includes('%s'))
    return 'must contain %s, replaced by the lowercase alert name';
  return undefined;
}

/** Top-level keys, and the keys of `grafanaK8s` one by one (the only nested object whose keys map separately). */
function leafSettings(config: Record<string, unknown>): [string, unknown][] {
  return Object.entries(config).flatMap(([key, value]): [string, unknown][] =>
    key === 'grafanaK8s' && isObject(value)
      ? Object.entries(value).map(([inner, innerValue]) => [`${key}.${inner}`, innerValue])
      : [[key, value]],
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
