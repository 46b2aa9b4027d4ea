// Whether headroom's rules run against this store: its recorded ratio exists for every cluster that has containers,
// and none of its groups failed to evaluate in the last hour (on Prometheus, the Thanos ruler or vmalert, from the
// metrics they report about themselves when the store scrapes them).
import type { Model } from '../model/model.ts';
import { balanced, by, call, labelReplace, print, range, re, selector, sum } from '../promql/index.ts';
import { MEMORY_RATIO } from '../rules/record-names.ts';
import { GROUP_PREFIX } from '../rules/rule-types.ts';
import { countByCluster } from './check-series.ts';
import type { Finding } from './findings.ts';
import type { QueryApi } from './query-api.ts';

const FAILURES_OVER = '1h';

export async function ruleFindings(
  model: Model,
  api: QueryApi,
  clusters: readonly string[],
  enabled: readonly string[],
): Promise<Finding[]> {
  const recorded = await countByCluster(model, api, MEMORY_RATIO, []);
  const findings: Finding[] = clusters
    .filter((cluster) => !recorded.has(cluster))
    .map((cluster) => ({
      check: 'rules',
      cluster: cluster || undefined,
      subject: MEMORY_RATIO,
      message:
        `headroom's rules do not run here: ${MEMORY_RATIO} is absent (deploy generated/, ` +
        'or point doctor at the store the ruler writes to)',
      blinds: [...enabled],
      degrades: [],
      fixes: [],
    }));
  const rose = (metric: string, label: string) =>
    sum(
      by(['rule_group']),
      labelReplace(
        call('increase', [range(selector(metric, re(label, `(.*;)?${GROUP_PREFIX}.*`)), FAILURES_OVER)]),
        'rule_group',
        '$1',
        label,
        '(.*)',
      ),
    );
  const failures = await api.query(
    print(
      balanced(
        [
          rose('prometheus_rule_evaluation_failures_total', 'rule_group'),
          rose('vmalert_alerting_rules_errors_total', 'group'),
          rose('vmalert_recording_rules_errors_total', 'group'),
        ],
        'or',
      ),
    ),
  );
  for (const failure of failures.filter((sample) => sample.value > 0))
    findings.push({
      check: 'rules',
      cluster: undefined,
      subject: failure.labels.rule_group ?? '',
      message:
        `rule group ${failure.labels.rule_group} failed ${Math.round(failure.value)} evaluation(s) ` +
        `in the last ${FAILURES_OVER}: see the ruler's log`,
      blinds: [],
      degrades: enabled.map((alert) => ({ alert, loses: 'evaluations of the failing group' })),
      fixes: [],
    });
  return findings;
}
