// Prometheus label names, the one check: the config's cluster label, the teams' extra labels, kubernetes-mixin's
// clusterLabel. Names headroom's rules use themselves are refused (see reserved-labels.ts).
import { z } from 'zod';
import { reservedLabelProblem } from './reserved-labels.ts';

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** A label name a user chooses for `what` (e.g. the team label): valid, not reserved by Prometheus nor headroom. */
export function labelNameSetting(what: string) {
  return z
    .string()
    .regex(LABEL_NAME, { message: `must be a Prometheus label name (the ${what})` })
    .refine((name) => !name.startsWith('__'), { message: 'must not start with __ (reserved by Prometheus)' })
    .superRefine((name, context) => {
      const problem = reservedLabelProblem(name);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    });
}
