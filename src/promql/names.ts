// The names and durations a PromQL expression may contain, checked when a node is built: a bad one is a bug in the
// builder, so it throws with the name rather than leaving promtool to find it in a generated file. Metric and label
// names are Prometheus 2's (unquoted) ones, which both engines headroom supports accept.

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const DURATION = /^(?:\d+y)?(?:\d+w)?(?:\d+d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?(?:\d+ms)?$/;

/** Words the PromQL lexers read as keywords or numbers: a bare metric of that name does not parse. */
const KEYWORDS = new Set([
  'and',
  'or',
  'unless',
  'atan2',
  'sum',
  'avg',
  'count',
  'min',
  'max',
  'group',
  'stddev',
  'stdvar',
  'topk',
  'bottomk',
  'count_values',
  'quantile',
  'limitk',
  'limit_ratio',
  'offset',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'start',
  'end',
  'step',
  'inf',
  'nan',
  'smoothed',
  'anchored',
  'fill',
  'fill_left',
  'fill_right',
]);

/** Label names Prometheus refuses in a label list (by, without, on, ignoring, group_left/right); fine in matchers. */
const NOT_IN_LABEL_LISTS = new Set(['without', 'inf', 'nan']);

export function checkMetricName(name: string): string {
  if (!METRIC_NAME.test(name)) throw new Error(`PromQL: "${name}" is not a metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)`);
  if (KEYWORDS.has(name.toLowerCase()))
    throw new Error(`PromQL: metric name "${name}" is a PromQL keyword; select it with a __name__ matcher`);
  return name;
}

export function checkLabelName(name: string): string {
  if (!LABEL_NAME.test(name)) throw new Error(`PromQL: "${name}" is not a label name ([a-zA-Z_][a-zA-Z0-9_]*)`);
  return name;
}

/** The labels of a `by`, `without`, `on`, `ignoring` or `group_left/right` list. */
export function checkLabelList(labels: readonly string[]): readonly string[] {
  for (const name of labels) {
    checkLabelName(name);
    if (NOT_IN_LABEL_LISTS.has(name.toLowerCase()))
      throw new Error(`PromQL: label "${name}" cannot be named in a label list (Prometheus reads it as a keyword)`);
  }
  return [...labels];
}

export function checkDuration(duration: string): string {
  if (duration === '' || !DURATION.test(duration))
    throw new Error(
      `PromQL: "${duration}" is not a duration (e.g. 30s, 10m, 1h30m; units y w d h m s ms, largest first)`,
    );
  return duration;
}
