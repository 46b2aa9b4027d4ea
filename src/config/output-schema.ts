// What generate writes: PrometheusRule objects, rule files for other rulers, dashboards and their Kubernetes wrappers.
import { z } from 'zod';
import {
  kubernetesAnnotations,
  kubernetesLabels,
  kubernetesLabelValue,
  kubernetesMetadataKey,
  kubernetesNamespace,
} from '../values/kubernetes-names.ts';
import { teamName } from './team-schema.ts';

/** Dashboard JSON is always written; these are the Kubernetes objects that carry it into Grafana. */
const dashboardOutput = z
  .strictObject({
    configMap: z
      .strictObject({
        enabled: z
          .boolean()
          .default(true)
          .meta({ description: 'ConfigMaps for the Grafana sidecar of kube-prometheus-stack' }),
        namespace: kubernetesNamespace.default('monitoring').meta({
          description: "Namespace of the dashboard ConfigMaps (the Grafana sidecar's namespace, or one it searches)",
        }),
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
        namespace: kubernetesNamespace
          .default('monitoring')
          .meta({ description: 'Namespace of the GrafanaDashboard objects' }),
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
    perTeam: z
      .array(teamName)
      .default([])
      .meta({
        description:
          'Teams that also get a dashboard of their own (uid headroom-team-<name>); every team is on the shared team ' +
          'dashboard',
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

export const outputSchema = z
  .strictObject({
    dir: z.string().default('generated').meta({
      description: 'Folder generate writes, relative to the config; it holds nothing but what headroom writes',
    }),
    prometheusRule: z
      .strictObject({
        enabled: z
          .boolean()
          .default(true)
          .meta({ description: 'prometheus-operator PrometheusRule objects (false: rule files only)' }),
        namespace: kubernetesNamespace.default('monitoring').meta({
          description: 'Namespace of the PrometheusRule objects (one your Prometheus ruleNamespaceSelector selects)',
        }),
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
    if (output.prometheusRule.enabled || output.ruleFiles.prometheus.enabled || output.ruleFiles.mimir.enabled) return;
    context.addIssue({
      code: 'custom',
      path: ['prometheusRule', 'enabled'],
      message:
        'is false and no rule file is on: turn on output.ruleFiles.prometheus.enabled or ' +
        'output.ruleFiles.mimir.enabled, or nothing loads the alerts',
    });
  })
  .prefault({});
