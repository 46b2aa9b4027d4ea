// The config schema: one source for validation, the TypeScript types and the published JSON Schema. Its parts live
// by concern: the alerts' settings in the catalogue (src/alerts/), teams, routing and outputs next to this file.
import { z } from 'zod';
import { alertOverridesSchema } from '../alerts/catalogue.ts';
import { kubernetesMetadataKey } from '../values/kubernetes-names.ts';
import { labelNameSetting } from '../values/label-name.ts';
import { parseSelector, selectorLabelNames } from '../values/selector.ts';
import { grafanaUrl, runbookUrlPattern } from '../values/url.ts';
import { inputsSchema } from './inputs-schema.ts';
import { outputSchema } from './output-schema.ts';
import { routingConfig } from './routing-schema.ts';
import { teamName, teamSchema } from './team-schema.ts';

const selector = z.string().superRefine((text, context) => {
  const error = parseSelector(text);
  if (error) context.addIssue({ code: 'custom', message: error });
});

export const configSchema = z
  .strictObject({
    cluster: z
      .strictObject({
        label: labelNameSetting('cluster label')
          .default('cluster')
          .meta({ description: 'The label that names the cluster on every series (kubernetes-mixin clusterLabel)' }),
      })
      .optional()
      .meta({
        description:
          'Several clusters in one metrics store: the cluster label joins every aggregation and alert ' +
          '(kubernetes-mixin showMultiCluster)',
      }),
    ownership: z
      .strictObject({
        // The same check as every other Kubernetes label key headroom takes (values/kubernetes-names.ts).
        namespaceLabel: kubernetesMetadataKey.optional().meta({
          description:
            "Read each namespace's owner from this Kubernetes namespace label " +
            '(kube_namespace_labels{label_<key>}); team files may then list no namespaces, and their explicit ' +
            'claims win',
        }),
      })
      .prefault({}),
    selectors: z
      .strictObject({
        cadvisor: selector.default('job="kubelet", metrics_path="/metrics/cadvisor"').meta({
          description:
            "Label matchers of cadvisor's series (container_memory_working_set_bytes, container_oom_events_total, …)",
        }),
        kubeStateMetrics: selector.default('job="kube-state-metrics"').meta({
          description: "Label matchers of kube-state-metrics' series (limits, restarts, terminations, node conditions)",
        }),
        kubelet: selector
          .default('job="kubelet", metrics_path="/metrics"')
          .meta({ description: "Label matchers of the kubelet's own metrics (kubelet_evictions, kubelet_node_name)" }),
      })
      .prefault({}),
    limitSource: z.enum(['kube-state-metrics', 'cadvisor']).default('kube-state-metrics').meta({
      description:
        'Where memory limits are read: kube_pod_container_resource_limits or container_spec_memory_limit_bytes',
    }),
    inputs: inputsSchema,
    defaultTeam: teamName.meta({
      description:
        'The team that owns every namespace and node no team claims (its alerts go to routing.defaultReceiver); 1 to ' +
        '26 lowercase letters, digits and dashes',
    }),
    routing: routingConfig.optional(),
    alerts: alertOverridesSchema.default({}).meta({
      description:
        "Defaults of every alert for every team; unset settings keep headroom's defaults (see Alert settings)",
    }),
    teamsDir: z
      .string()
      .default('teams')
      .meta({ description: 'Folder of the team files (one <team>.yaml each), relative to the config' }),
    teams: z
      .array(teamSchema)
      .default([])
      .meta({ description: 'Teams written inline, as in a team file; a team is defined once, here or in teamsDir' }),
    links: z.strictObject({
      grafanaUrl: grafanaUrl.meta({
        description:
          "Grafana's base URL (http or https, sub-path and query such as ?orgId=2 kept): alerts link to " +
          '<grafanaUrl>/d/<uid>',
      }),
      runbookUrlPattern: runbookUrlPattern.meta({
        description: 'http(s) URL of the runbooks with one %s, replaced by the lowercase alert name',
      }),
    }),
    output: outputSchema,
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
      message:
        `is matched by selectors.${selector[0]}, so it differs between exporters and no join between them ` +
        `would match; the cluster label must be the same on every series of a cluster`,
    });
  });

export type HeadroomConfigInput = z.input<typeof configSchema>;
export type HeadroomConfig = z.output<typeof configSchema>;
