// Configured selectors are label matchers (`job="kubelet", metrics_path="/metrics/cadvisor"`) spliced into
// every series selector; a broken one would break every rule, so it is parsed up front.
import { parser } from '@prometheus-io/lezer-promql';

/** An error message, or undefined when `text` is a valid list of label matchers. */
export function parseSelector(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  if (/[{}]/.test(text)) return 'must be label matchers without braces, e.g. job="kubelet"';
  if (text.includes('`')) return 'must not contain backticks (alert descriptions quote queries with them)';
  const tree = parser.parse(`up{${text}}`);
  let error: string | undefined;
  tree.iterate({
    enter: (node) => {
      if (node.type.isError) error = `is not a valid list of PromQL label matchers (at column ${node.from - 2})`;
    },
  });
  return error;
}
