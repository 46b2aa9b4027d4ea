// The alerting guidelines of monitoring mixins, checked the way `mixtool lint` checks them
// (github.com/monitoring-mixins/mixtool, pkg/mixer/lint.go;
// https://monitoring.mixins.dev/#guidelines-for-alert-names-labels-and-annotations), plus the name lengths a mixin's
// consumers rely on. Rule ids are mixtool's, so a reader can look them up.
import { isAlertingRule, type RuleGroup } from '../rules/rule-types.ts';

interface LintProblem {
  group: string;
  /** The alert the problem is about; undefined for a problem of the group itself. */
  alert?: string;
  rule: string;
  message: string;
}

const MAX_NAME_LENGTH = 40;
const SEVERITIES = ['critical', 'warning', 'info'] as const;

// The same expressions as mixtool's.
const UPPER_CAMEL_CASE = /^([A-Z]+[a-z0-9]+)+$/;
const GO_TEMPLATE = /\{\{.+\}\}/;
const SENTENCE = /^[A-Z].+\.$/;

export function lintRuleGroups(groups: readonly RuleGroup[]): LintProblem[] {
  return groups.flatMap((group) => [
    ...lintGroupName(group),
    ...group.rules.filter(isAlertingRule).flatMap((rule) => lintAlert(group.name, rule)),
  ]);
}

function lintGroupName(group: RuleGroup): LintProblem[] {
  return group.name.length > MAX_NAME_LENGTH
    ? [
        {
          group: group.name,
          rule: 'group-name-length',
          message: `group name is ${group.name.length} characters long, at most ${MAX_NAME_LENGTH} allowed`,
        },
      ]
    : [];
}

function lintAlert(
  group: string,
  rule: { alert: string; labels: Record<string, string>; annotations: Record<string, string> },
): LintProblem[] {
  const problems: LintProblem[] = [];
  const problem = (id: string, message: string) => problems.push({ group, alert: rule.alert, rule: id, message });
  const { alert, labels = {}, annotations = {} } = rule;

  if (!UPPER_CAMEL_CASE.test(alert)) problem('alert-name-camelcase', `alert name '${alert}' is not in UpperCamelCase`);
  if (alert.length > MAX_NAME_LENGTH)
    problem('alert-name-length', `alert name is ${alert.length} characters long, at most ${MAX_NAME_LENGTH} allowed`);
  if (!(SEVERITIES as readonly (string | undefined)[]).includes(labels.severity)) {
    problem('alert-severity-rule', `severity must be ${SEVERITIES.join(', ')}; is '${labels.severity ?? ''}'`);
  }

  const { description, summary } = annotations;
  if (description === undefined) problem('alert-description-missing-rule', "annotation 'description' is missing");
  else if (!GO_TEMPLATE.test(description))
    problem('alert-description-templating', `annotation 'description' must use templates, is '${description}'`);

  if (summary === undefined) problem('alert-summary-missing-rule', "annotation 'summary' is missing");
  else {
    if (GO_TEMPLATE.test(summary))
      problem('alert-summary-templating', "annotation 'summary' must not use templates (it is the static sentence)");
    if (!SENTENCE.test(summary))
      problem(
        'alert-summary-style',
        `annotation 'summary' must start with a capital letter and end with a period, is '${summary}'`,
      );
  }
  return problems;
}
