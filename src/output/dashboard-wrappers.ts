// The Kubernetes objects that carry a dashboard into Grafana: a ConfigMap for the Grafana sidecar of
// kube-prometheus-stack, or a GrafanaDashboard of grafana-operator v5. Both embed the dashboard JSON file verbatim.
import type { Model } from '../model/model.ts';
import { sortKeys } from '../values/ordering.ts';

const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'headroom', 'app.kubernetes.io/part-of': 'headroom' };

interface DashboardConfigMap {
  apiVersion: 'v1';
  kind: 'ConfigMap';
  metadata: { name: string; namespace: string; labels: Record<string, string>; annotations?: Record<string, string> };
  data: Record<string, string>;
}

interface GrafanaDashboardObject {
  apiVersion: 'grafana.integreatly.org/v1beta1';
  kind: 'GrafanaDashboard';
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: { instanceSelector: { matchLabels: Record<string, string> }; folder?: string; json: string };
}

/** The sidecar loads every data entry of a labelled ConfigMap as one dashboard file. */
export function dashboardConfigMap(model: Model, uid: string, json: string): DashboardConfigMap {
  const { namespace, labelName, labelValue, annotations } = model.output.dashboards.configMap;
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: uid,
      namespace,
      labels: sortKeys({ ...MANAGED_BY, [labelName]: labelValue }),
      ...(Object.keys(annotations).length > 0 ? { annotations: sortKeys(annotations) } : {}),
    },
    data: { [`${uid}.json`]: json },
  };
}

export function grafanaDashboard(model: Model, uid: string, json: string): GrafanaDashboardObject {
  const { namespace, instanceSelector, folder } = model.output.dashboards.grafanaOperator;
  return {
    apiVersion: 'grafana.integreatly.org/v1beta1',
    kind: 'GrafanaDashboard',
    metadata: { name: uid, namespace, labels: sortKeys(MANAGED_BY) },
    spec: { instanceSelector: { matchLabels: sortKeys(instanceSelector) }, ...(folder ? { folder } : {}), json },
  };
}
