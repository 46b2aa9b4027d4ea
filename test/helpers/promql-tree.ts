// Reads generated PromQL back with the lezer grammar Prometheus' own UI uses.
import { parser } from '@prometheus-io/lezer-promql';

interface ParsedSelector {
  metric: string;
  matchers: string[];
}

export function syntaxErrors(expr: string): string[] {
  const errors: string[] = [];
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError)
        errors.push(`error at ${node.from}: …${expr.slice(Math.max(0, node.from - 20), node.from + 20)}…`);
    },
  });
  return errors;
}

/** Every vector selector of an expression: metric name and matchers as written (whitespace removed). */
export function vectorSelectors(expr: string): ParsedSelector[] {
  const selectors: ParsedSelector[] = [];
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.name !== 'VectorSelector') return;
      const metric = node.node.getChild('Identifier');
      const matchers: string[] = [];
      const list = node.node.getChild('LabelMatchers');
      for (let child = list?.firstChild; child; child = child.nextSibling) {
        if (child.name.endsWith('Matcher')) matchers.push(expr.slice(child.from, child.to).replace(/\s+/g, ''));
      }
      selectors.push({ metric: metric ? expr.slice(metric.from, metric.to) : '', matchers });
    },
  });
  return selectors;
}
