// Plain rule files for rulers that do not read PrometheusRule objects (config output.ruleFiles):
// - rule-files/prometheus/headroom.rules.yaml: one `groups:` file for Prometheus `rule_files`; Thanos ruler
//   (`--rule-file`) and vmalert (`-rule=`) load the same file.
// - rule-files/mimir/<namespace>.yaml: one file per Mimir/Cortex ruler namespace, `namespace:` + `groups:`, the
//   layout `mimirtool rules load|sync` reads (one namespace per file; mimirtool refuses a namespace twice).
// The groups are exactly those of the PrometheusRule objects. No group carries Thanos' `partial_response_strategy`:
// Prometheus and promtool reject the unknown key, and Thanos' default (abort) is the right one for alerts.
// Not Kubernetes objects, so kustomization.yaml does not list them.
import type { Model } from '../model/model.ts';
import type { RuleGroup } from '../rules/rule-types.ts';
import { type GeneratedFile, textFile } from './generated-file.ts';
import { canonicalGroup } from './prometheus-rule.ts';
import { yamlText } from './yaml-text.ts';
import { byCodePoint } from '../values/ordering.ts';

const RULE_FILES_DIR = 'rule-files/';
export const PROMETHEUS_RULE_FILES_DIR = `${RULE_FILES_DIR}prometheus/`;
export const MIMIR_RULE_FILES_DIR = `${RULE_FILES_DIR}mimir/`;
const PROMETHEUS_RULE_FILE_PATH = `${PROMETHEUS_RULE_FILES_DIR}headroom.rules.yaml`;

function mimirRuleFilePath(namespace: string): string {
  return `${MIMIR_RULE_FILES_DIR}${namespace}.yaml`;
}

/** A plain Prometheus rule file (also Thanos ruler's and vmalert's). */
interface PlainRuleFile {
  groups: RuleGroup[];
}

/** A mimirtool rule file: the Mimir ruler namespace its groups are loaded into, then the groups. */
interface MimirRuleFile {
  namespace: string;
  groups: RuleGroup[];
}

export function ruleFiles(model: Model, groups: readonly RuleGroup[]): GeneratedFile[] {
  const { prometheus, mimir } = model.output.ruleFiles;
  // In group-name order, as the PrometheusRule files lie (one per group, named after it).
  const canonical = groups.map(canonicalGroup).sort((a, b) => byCodePoint(a.name, b.name));
  const files: GeneratedFile[] = [];
  if (prometheus.enabled) {
    const file: PlainRuleFile = { groups: canonical };
    files.push(textFile(PROMETHEUS_RULE_FILE_PATH, yamlText(file), file));
  }
  if (mimir.enabled) {
    const file: MimirRuleFile = { namespace: mimir.namespace, groups: canonical };
    files.push(textFile(mimirRuleFilePath(mimir.namespace), yamlText(file), file));
  }
  return files;
}
