// A team's extra label values, copied onto every alert of the team. Prometheus expands {{ }} in alert labels as Go
// templates: one stray pair makes it reject the whole rule file. A newline or other control character would reach
// every notification (a Slack line, a PagerDuty summary) as is; a long value rides on every alert. Everything else
// (`$labels` outside braces, backticks, %, quotes) is inert text: the rule files quote it as a YAML string.
import { z } from 'zod';
import { hasControlCharacter } from './control-characters.ts';

const LABEL_VALUE_MAX = 200;

export const teamLabelValue = z
  .string()
  .refine((value) => !/\{\{|\}\}/.test(value), {
    message: 'must not contain {{ or }} (Prometheus reads them as a template)',
  })
  .refine((value) => !hasControlCharacter(value), { message: 'must not contain newlines or other control characters' })
  .max(LABEL_VALUE_MAX, {
    message: `must be at most ${LABEL_VALUE_MAX} characters (it is copied onto every alert of the team)`,
  });
