// The values an expression's label_replace calls give a label, read back from printed PromQL with the lezer grammar
// Prometheus' own UI uses: `headroom diff` learns from them which teams an ownership rule decides for.
import { parser } from '@prometheus-io/lezer-promql';
import { unquote } from './parse-matchers.ts';

/** Every `replacement` of `label_replace(v, "<label>", "<replacement>", …)` in the expression, in order. */
export function labelReplaceValues(expr: string, label: string): string[] {
  const values: string[] = [];
  parser.parse(expr).iterate({
    enter: (ref) => {
      if (ref.name !== 'FunctionCall' || ref.node.getChild('FunctionIdentifier')?.firstChild?.name !== 'LabelReplace')
        return;
      const args: string[] = [];
      for (let arg = ref.node.getChild('FunctionCallBody')?.firstChild; arg; arg = arg.nextSibling)
        args.push(arg.name === 'StringLiteral' ? unquote(expr.slice(arg.from, arg.to)) : '');
      if (args[1] === label && args[2] !== undefined) values.push(args[2]);
    },
  });
  return values;
}
