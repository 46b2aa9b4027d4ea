// The dashboard files of the generated tree: the JSON of every dashboard, and the wrappers the config asks for,
// each embedding that JSON verbatim. Wrappers that a cluster would reject for their size are input errors.
import { InputError, type Problem } from '../config/input-error.ts';
import { dashboards } from '../dashboards/dashboards.ts';
import type { Model } from '../model/model.ts';
import { dashboardJson } from './dashboard-json.ts';
import { configMapDataProblems, lastAppliedProblems } from './dashboard-size-guard.ts';
import { dashboardConfigMap, grafanaDashboard } from './dashboard-wrappers.ts';
import { type GeneratedFile, objectFile, textFile } from './generated-file.ts';

const DASHBOARD_DIR = 'dashboards';
const CONFIGMAP_DIR = `${DASHBOARD_DIR}/configmaps`;
const GRAFANA_OPERATOR_DIR = `${DASHBOARD_DIR}/grafana-operator`;

export function dashboardFiles(model: Model): GeneratedFile[] {
  const { configMap, grafanaOperator, serverSideApply } = model.output.dashboards;
  const files: GeneratedFile[] = [];
  const problems: Problem[] = [];
  for (const dashboard of dashboards(model)) {
    const uid = dashboard.uid!;
    const json = dashboardJson(dashboard);
    files.push(textFile(`${DASHBOARD_DIR}/${uid}.json`, json));
    if (configMap.enabled) {
      const path = `${CONFIGMAP_DIR}/${uid}.yaml`;
      const object = dashboardConfigMap(model, uid, json);
      problems.push(
        ...configMapDataProblems(path, object.data),
        ...lastAppliedProblems(path, 'output.dashboards.configMap', object, serverSideApply),
      );
      files.push(objectFile(path, object));
    }
    if (grafanaOperator.enabled) {
      const path = `${GRAFANA_OPERATOR_DIR}/${uid}.yaml`;
      const object = grafanaDashboard(model, uid, json);
      problems.push(...lastAppliedProblems(path, 'output.dashboards.grafanaOperator', object, serverSideApply));
      files.push(objectFile(path, object));
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return files;
}
