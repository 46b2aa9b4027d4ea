// The config and team-file schemas: one source for validation, the TypeScript types and the published JSON Schema.
import { z } from 'zod';
import { hasControlCharacter } from '../values/control-characters.ts';
import { namespacePattern, nodePattern } from '../values/claim-pattern.ts';
import { forDuration, horizonDuration, lookbackDuration, windowDuration } from '../values/duration-setting.ts';
import {
  kubernetesAnnotations,
  kubernetesLabels,
  kubernetesLabelValue,
  kubernetesMetadataKey,
  kubernetesNamespace,
} from '../values/kubernetes-names.ts';
import { teamLabelValue } from '../values/label-value.ts';
import { reservedLabelProblem } from '../values/reserved-labels.ts';
import { parseSelector, selectorLabelNames } from '../values/selector.ts';
import { grafanaUrl, runbookUrlPattern } from '../values/url.ts';

const severity = z.enum(['critical', 'warning', 'info']);

const fraction = z
  .number({ message: 'must be a number' })
  .gt(0, { message: 'must be greater than 0' })
  .lt(0.5, { message: 'must be below 0.5 (a fraction of the memory limit, e.g. 0.03)' })
  .meta({ description: 'Fraction of the memory limit, in (0, 0.5)' });

const threshold = z
  .number({ message: 'must be a number' })
  .gt(0, { message: 'must be greater than 0 (a fraction of the memory limit, e.g. 0.85)' })
  .lte(1, { message: 'must be at most 1 (a fraction of the memory limit, e.g. 0.85)' })
  .meta({ description: 'Fraction of the memory limit, in (0, 1]' });

const teamName = z.string().regex(/^[a-z0-9]([a-z0-9-]{0,24}[a-z0-9])?$/, {
  message: 'must be 1 to 26 lowercase letters, digits and dashes (it names the team dashboard)',
});

/** A Prometheus label name that headroom's rules do not use themselves (see reserved-labels.ts). */
function labelNameOf(what: string) {
  return z
    .string()
    .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, { message: `must be a Prometheus label name (the ${what})` })
    .refine((name) => !name.startsWith('__'), { message: 'must not start with __ (reserved by Prometheus)' })
    .superRefine((name, context) => {
      const problem = reservedLabelProblem(name);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    });
}

/** A cluster name or a glob of one, as the cluster label's values are written (any label value but `*`/`?` wildcards). */
const clusterPattern = z.string().regex(/^[A-Za-z0-9_.:*?-]+$/, {
  message: 'must be a cluster name or a glob of one (letters, digits, _ . : -, `*` any run, `?` one character)',
});

const selector = z.string().superRefine((text, context) => {
  const error = parseSelector(text);
  if (error) context.addIssue({ code: 'custom', message: error });
});

const enabled = z.boolean().meta({ description: 'false turns the alert off' });

/**
 * An Alertmanager receiver, by name only: its integrations (Slack webhook, PagerDuty key) stay in the user's
 * Alertmanager, never in generated files. Alertmanager takes any non-empty name; these are refused because they
 * would break the YAML line or read as a template where the name is echoed.
 */
const receiverName = z
  .string()
  .min(1, { message: 'must not be empty (the name of a receiver in your Alertmanager)' })
  .max(200, { message: 'must be at most 200 characters' })
  .refine((name) => !hasControlCharacter(name), { message: 'must not contain newlines or other control characters' })
  .refine((name) => !name.includes('{{'), { message: 'must not contain {{ (read as a template)' })
  .refine((name) => name.trim() === name, { message: 'must not start or end with spaces' })
  .meta({
    description:
      'The name of a receiver defined in your Alertmanager (its Slack channel, PagerDuty key and so on stay there)',
  });

/** Where a team's alerts go; unset keys fall back to the config's routing. */
const teamRouting = z
  .strictObject({
    receiver: receiverName
      .optional()
      .meta({ description: "Receiver of the team's alerts; unset: routing.defaultReceiver of the config" }),
    ticketReceiver: receiverName.optional().meta({
      description:
        'Receiver of the team\'s severity="info" alerts; unset: routing.ticketReceiver of the config, else `receiver`',
    }),
  })
  .meta({ description: "Alertmanager receivers of the team's alerts (names only); needs `routing` in the config" });

/** The Alertmanager routing headroom writes from the teams' `routing`. */
const routingConfig = z
  .strictObject({
    defaultReceiver: receiverName.meta({
      description:
        "Receiver of the default team's alerts (unowned namespaces and nodes) and of every team that names none; the fallback of the route tree",
    }),
    ticketReceiver: receiverName.optional().meta({
      description: 'Receiver of severity="info" alerts of teams that name no ticketReceiver; unset: their receiver',
    }),
    routeFile: z
      .strictObject({
        enabled: z
          .boolean()
          .default(true)
          .meta({ description: 'alertmanager/routes.yaml: a `route:` tree for a hand-kept alertmanager.yml' }),
      })
      .prefault({}),
    alertmanagerConfig: z
      .strictObject({
        enabled: z.boolean().default(false).meta({
          description: 'prometheus-operator AlertmanagerConfig objects (monitoring.coreos.com/v1alpha1), one per team',
        }),
        namespace: kubernetesNamespace.default('monitoring').meta({
          description:
            "The Alertmanager's own namespace; its alertmanagerConfigMatcherStrategy must be OnNamespaceExceptForAlertmanagerNamespace (or None)",
        }),
        labels: kubernetesLabels
          .default({})
          .meta({ description: "Metadata labels, for the Alertmanager's alertmanagerConfigSelector" }),
        receivers: z.record(receiverName, z.record(z.string(), z.unknown())).default({}).meta({
          description:
            'Every receiver the objects name → its AlertmanagerConfig receiver spec without `name` (slackConfigs, pagerdutyConfigs, … with Secret references, never secret values)',
        }),
      })
      .prefault({}),
  })
  .meta({
    description:
      'Route alerts to teams: an Alertmanager route tree and/or AlertmanagerConfig objects matching the `team` label',
  });

/** Every alert's settings. The config gives defaults, a team overrides any subset; unset ones come from DEFAULT_ALERTS. */
const alertSettings = z.strictObject({
  containerMemoryNearLimit: z
    .strictObject({ enabled, threshold, for: forDuration, severity })
    .partial()
    .meta({ description: 'ContainerMemoryNearLimit: working set above `threshold` of the memory limit for `for`' }),
  containerOOMKilled: z
    .strictObject({
      enabled,
      window: windowDuration.meta({ description: 'How long the alert keeps firing after the last OOM kill' }),
      severity,
      errorExit137: z.boolean().meta({
        description:
          'Also count a termination with reason Error and exit code 137 when there is evidence of an OOM kill (OOM events, or the working set at the limit)',
      }),
      evidenceMargin: fraction.meta({
        description: 'Working set within this fraction of the limit just before an exit 137 counts as OOM evidence',
      }),
    })
    .partial()
    .meta({
      description: 'ContainerOOMKilled: a container (also an init container or sidecar) was OOM-killed within `window`',
    }),
  containerProcessOOMKilled: z
    .strictObject({
      enabled,
      window: windowDuration.meta({ description: 'How long the alert keeps firing after the last kill' }),
      severity,
    })
    .partial()
    .meta({
      description:
        'ContainerProcessOOMKilled: a process inside a container was OOM-killed and the container kept running',
    }),
  containerMemoryLeak: z
    .strictObject({
      enabled,
      lookback: lookbackDuration.meta({ description: 'How much working-set history the forecast fits a line to' }),
      horizon: horizonDuration.meta({
        description: 'Alert when the forecast reaches the memory limit within this time',
      }),
      for: forDuration,
      severity,
    })
    .partial()
    .meta({
      description: 'ContainerMemoryLeak: the working set grows steadily and will reach the limit within `horizon`',
    }),
  podMemoryNearLimit: z.strictObject({ enabled, threshold, for: forDuration, severity }).partial().meta({
    description:
      'PodMemoryNearLimit: a pod with a pod-level memory limit (Kubernetes 1.34+) and no container limits is above `threshold` of it',
  }),
  nodeMemoryPressure: z
    .strictObject({ enabled, for: forDuration, severity })
    .partial()
    .meta({ description: 'NodeMemoryPressure: a node reports MemoryPressure for `for`' }),
  nodeMemoryEvictions: z
    .strictObject({
      enabled,
      window: windowDuration.meta({ description: 'How long the alert keeps firing after the last eviction' }),
      severity,
    })
    .partial()
    .meta({ description: 'NodeMemoryEvictions: the kubelet evicted pods from a node to reclaim memory' }),
  podsEvicted: z
    .strictObject({
      enabled,
      window: windowDuration.meta({ description: 'How long the alert keeps firing after the last eviction' }),
      severity,
    })
    .partial()
    .meta({ description: 'PodsEvicted: pods of a namespace were evicted by the kubelet, one alert per namespace' }),
  containersWithoutMemoryLimit: z.strictObject({ enabled, for: forDuration, severity }).partial().meta({
    description:
      'ContainersWithoutMemoryLimit: a namespace runs containers with no memory limit (one alert per namespace)',
  }),
  containersAboveMemoryRequest: z.strictObject({ enabled, for: forDuration, severity }).partial().meta({
    description:
      'ContainersAboveMemoryRequest: containers whose working set stays above their memory request (one alert per namespace)',
  }),
});

const alertOverrides = alertSettings.partial();

export type AlertOverrides = z.output<typeof alertOverrides>;
export type AlertName = keyof AlertOverrides;
export type Severity = z.output<typeof severity>;
export type AlertSettings = { [A in AlertName]: Required<NonNullable<AlertOverrides[A]>> };

export const DEFAULT_ALERTS: AlertSettings = {
  containerMemoryNearLimit: { enabled: true, threshold: 0.85, for: '5m', severity: 'warning' },
  containerOOMKilled: { enabled: true, window: '10m', severity: 'critical', errorExit137: true, evidenceMargin: 0.03 },
  containerProcessOOMKilled: { enabled: true, window: '10m', severity: 'warning' },
  containerMemoryLeak: { enabled: true, lookback: '1h', horizon: '4h', for: '30m', severity: 'warning' },
  podMemoryNearLimit: { enabled: true, threshold: 0.85, for: '5m', severity: 'warning' },
  nodeMemoryPressure: { enabled: true, for: '2m', severity: 'critical' },
  nodeMemoryEvictions: { enabled: true, window: '10m', severity: 'warning' },
  podsEvicted: { enabled: true, window: '10m', severity: 'warning' },
  containersWithoutMemoryLimit: { enabled: true, for: '1h', severity: 'info' },
  containersAboveMemoryRequest: { enabled: true, for: '1h', severity: 'info' },
};

/** Alerts about a node (keyed by `node`, owned through a team's `nodes:`); every other alert is about a namespace. */
export const NODE_ALERTS = [
  'nodeMemoryPressure',
  'nodeMemoryEvictions',
] as const satisfies readonly (keyof typeof DEFAULT_ALERTS)[];

export const teamSchema = z
  .strictObject({
    name: teamName.meta({ description: 'Team name: the `team` label of its alerts' }),
    namespaces: z
      .array(namespacePattern)
      .default([])
      .meta({ description: 'Namespaces the team owns: exact names or globs' }),
    nodes: z
      .array(nodePattern)
      .default([])
      .meta({ description: 'Nodes the team owns (dedicated node pools): exact names or globs' }),
    clusters: z.array(clusterPattern).default([]).meta({
      description:
        'Clusters where the claim and the overrides hold (exact names or globs); empty: every cluster. Needs `cluster` in the config',
    }),
    labels: z
      .record(labelNameOf('team label'), teamLabelValue)
      .default({})
      .meta({ description: 'Extra labels on every alert of the team' }),
    alerts: alertOverrides.default({}).meta({ description: 'Overrides of the default alert settings' }),
    routing: teamRouting.optional(),
  })
  .meta({
    title: 'headroom team file',
    description: 'One team: what it owns and how its alerts differ from the defaults',
  });

/** Dashboard JSON is always written; these are the Kubernetes objects that carry it into Grafana. */
const dashboardOutput = z
  .strictObject({
    configMap: z
      .strictObject({
        enabled: z
          .boolean()
          .default(true)
          .meta({ description: 'ConfigMaps for the Grafana sidecar of kube-prometheus-stack' }),
        namespace: kubernetesNamespace.default('monitoring'),
        labelName: kubernetesMetadataKey
          .default('grafana_dashboard')
          .meta({ description: 'The label the sidecar watches (sidecar.dashboards.label)' }),
        labelValue: kubernetesLabelValue
          .default('1')
          .meta({ description: 'Its value (sidecar.dashboards.labelValue)' }),
        annotations: kubernetesAnnotations
          .default({})
          .meta({ description: 'e.g. the folder annotation of the sidecar' }),
      })
      .prefault({}),
    grafanaOperator: z
      .strictObject({
        enabled: z.boolean().default(false).meta({ description: 'GrafanaDashboard objects of grafana-operator v5' }),
        namespace: kubernetesNamespace.default('monitoring'),
        instanceSelector: z
          .record(kubernetesMetadataKey, kubernetesLabelValue)
          .default({ dashboards: 'grafana' })
          .meta({ description: 'matchLabels of the Grafana instances' }),
        folder: z.string().optional().meta({ description: 'Grafana folder title' }),
      })
      .prefault({}),
    serverSideApply: z.boolean().default(false).meta({
      description:
        'true when the objects are applied server-side: lifts the 262,144-byte limit of client-side kubectl apply',
    }),
    perTeam: z.array(teamName).default([]).meta({
      description:
        'Teams that also get a dashboard of their own (uid headroom-team-<name>); every team is on the shared team dashboard',
    }),
  })
  .prefault({});

/** Rule files for rulers that do not read PrometheusRule objects. */
const ruleFilesOutput = z
  .strictObject({
    prometheus: z
      .strictObject({
        enabled: z
          .boolean()
          .default(false)
          .meta({ description: 'A plain `groups:` file for Prometheus `rule_files`, Thanos ruler and vmalert' }),
      })
      .prefault({}),
    mimir: z
      .strictObject({
        enabled: z
          .boolean()
          .default(false)
          .meta({ description: 'One file per Mimir/Cortex ruler namespace, as `mimirtool rules sync` reads them' }),
        namespace: z
          .string()
          // Also the file name rule-files/mimir/<namespace>.yaml: a leading dot would make it a hidden file.
          .regex(/^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}$/, {
            message: 'must be a Mimir rule namespace (letters, digits, _ . -; not starting with .)',
          })
          .default('headroom')
          .meta({ description: 'The Mimir ruler namespace the groups are loaded into' }),
      })
      .prefault({}),
  })
  .prefault({});

export const configSchema = z
  .strictObject({
    cluster: z
      .strictObject({
        label: labelNameOf('cluster label')
          .default('cluster')
          .meta({ description: 'The label that names the cluster on every series (kubernetes-mixin clusterLabel)' }),
      })
      .optional()
      .meta({
        description:
          'Several clusters in one metrics store: the cluster label joins every aggregation and alert (kubernetes-mixin showMultiCluster)',
      }),
    ownership: z
      .strictObject({
        namespaceLabel: z
          .string()
          .regex(
            /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/,
            {
              message: 'must be a Kubernetes label key, e.g. team or example.com/team',
            },
          )
          .optional()
          .meta({
            description:
              "Read each namespace's owner from this Kubernetes namespace label (kube_namespace_labels{label_<key>}); team files may then list no namespaces, and their explicit claims win",
          }),
      })
      .prefault({}),
    selectors: z
      .strictObject({
        cadvisor: selector.default('job="kubelet", metrics_path="/metrics/cadvisor"'),
        kubeStateMetrics: selector.default('job="kube-state-metrics"'),
        kubelet: selector
          .default('job="kubelet", metrics_path="/metrics"')
          .meta({ description: "Label matchers of the kubelet's own metrics (kubelet_evictions, kubelet_node_name)" }),
      })
      .prefault({}),
    limitSource: z.enum(['kube-state-metrics', 'cadvisor']).default('kube-state-metrics').meta({
      description:
        'Where memory limits are read: kube_pod_container_resource_limits or container_spec_memory_limit_bytes',
    }),
    defaultTeam: teamName,
    routing: routingConfig.optional(),
    alerts: alertOverrides
      .default({})
      .meta({ description: 'Defaults of every alert; unset ones come from DEFAULT_ALERTS' }),
    teamsDir: z.string().default('teams'),
    teams: z.array(teamSchema).default([]),
    links: z.strictObject({
      grafanaUrl: grafanaUrl.meta({
        description:
          "Grafana's base URL (http or https, sub-path and query such as ?orgId=2 kept): alerts link to <grafanaUrl>/d/<uid>",
      }),
      runbookUrlPattern: runbookUrlPattern.meta({
        description: 'http(s) URL of the runbooks with one %s, replaced by the lowercase alert name',
      }),
    }),
    output: z
      .strictObject({
        dir: z.string().default('generated'),
        prometheusRule: z
          .strictObject({
            enabled: z
              .boolean()
              .default(true)
              .meta({ description: 'prometheus-operator PrometheusRule objects (false: rule files only)' }),
            namespace: kubernetesNamespace.default('monitoring'),
            labels: kubernetesLabels.default({}).meta({
              description: "Metadata labels, e.g. for the Prometheus' ruleSelector (release: kube-prometheus-stack)",
            }),
            serverSideApply: z.boolean().default(false).meta({
              description:
                'true when the objects are applied server-side: lifts the 262,144-byte limit of client-side kubectl apply',
            }),
          })
          .prefault({}),
        ruleFiles: ruleFilesOutput,
        dashboards: dashboardOutput,
      })
      .superRefine((output, context) => {
        // Without any rule output, generate would write dashboards for alerts that nothing loads.
        if (output.prometheusRule.enabled || output.ruleFiles.prometheus.enabled || output.ruleFiles.mimir.enabled)
          return;
        context.addIssue({
          code: 'custom',
          path: ['prometheusRule', 'enabled'],
          message:
            'is false and no rule file is on: turn on output.ruleFiles.prometheus.enabled or output.ruleFiles.mimir.enabled, or nothing loads the alerts',
        });
      })
      .prefault({}),
  })
  .superRefine((config, context) => {
    // A label the selectors match on differs between exporters (job, metrics_path): as the cluster label it would key
    // cadvisor's and kube-state-metrics' series apart, and no join would ever match.
    const label = config.cluster?.label;
    const selector = Object.entries(config.selectors).find(([, text]) =>
      selectorLabelNames(text).includes(label ?? ''),
    );
    if (label === undefined || selector === undefined) return;
    context.addIssue({
      code: 'custom',
      path: ['cluster', 'label'],
      message: `is matched by selectors.${selector[0]}, so it differs between exporters and no join between them would match; the cluster label must be the same on every series of a cluster`,
    });
  });

export type HeadroomConfigInput = z.input<typeof configSchema>;
export type HeadroomConfig = z.output<typeof configSchema>;
export type TeamInput = z.input<typeof teamSchema>;
export type Team = z.output<typeof teamSchema>;
