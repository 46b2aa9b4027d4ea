// The label names headroom's rules set, select on, aggregate by or join on. A team label of one of these names would be
// copied onto alerts over the rules' own (or silently lost to them), and a cluster label of one of them would merge
// clusters into it or break every join: both are refused, from this one list. The rules take their label names from
// here, and a test parses every generated rule and fails when one uses a label this list does not name.

/** Labels of the alerts themselves and of headroom's recorded series. */
export const LABEL = {
  alertname: 'alertname',
  alertstate: 'alertstate',
  severity: 'severity',
  team: 'team',
  /** The claiming team on owner series (absent for the default team's catch-all). */
  owner: 'owner',
  /** How a namespace's or node's owner was decided: file, namespace-label or none. */
  claim: 'claim',
  namespace: 'namespace',
  pod: 'pod',
  container: 'container',
  node: 'node',
  for: 'for',
  window: 'window',
  threshold: 'threshold',
  lookback: 'lookback',
  horizon: 'horizon',
  margin: 'margin',
  evidence: 'evidence',
  containerType: 'container_type',
  ownerLabel: 'owner_label',
  /** Which numeric setting a headroom:team_setting:value series holds. */
  setting: 'setting',
  ruleGroup: 'rule_group',
  /** HeadroomInputMissing: the input metric missing, on the alert and on the presence series it reads. */
  input: 'input',
  /** With `input`: "pod" for the pod cgroup's series of a cadvisor metric. */
  cgroup: 'cgroup',
} as const;

/** Labels of the source series that the rules select on or join by (kube-state-metrics, cadvisor, the kubelet). */
export const SOURCE_LABEL = {
  instance: 'instance',
  reason: 'reason',
  resource: 'resource',
  condition: 'condition',
  status: 'status',
  phase: 'phase',
  evictionSignal: 'eviction_signal',
  restartPolicy: 'restart_policy',
  /** vmalert's rule group, on its own metrics. */
  group: 'group',
} as const;

/**
 * Owner series carry one label per alert whose owners differ in its settings: `headroom_<alert>`, the owner's settings
 * of that alert in words. Alert rules select their owners by it, so no rule lists team names.
 */
export const SETTINGS_LABEL_PREFIX = 'headroom_';

export const RESERVED_LABELS: readonly string[] = [...Object.values(LABEL), ...Object.values(SOURCE_LABEL)].sort();

/** Why `name` may not be a team label or the cluster label; undefined when it may. */
export function reservedLabelProblem(name: string): string | undefined {
  if (RESERVED_LABELS.includes(name))
    return (
      `is set by headroom (its rules set, select or join on it); pick another name (reserved: ` +
      `${RESERVED_LABELS.join(', ')}, ${SETTINGS_LABEL_PREFIX}*)`
    );
  if (name.startsWith(SETTINGS_LABEL_PREFIX))
    return `starts with ${SETTINGS_LABEL_PREFIX}, which headroom's owner series use; pick another name`;
  return undefined;
}
