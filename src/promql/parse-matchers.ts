// Label matchers written as PromQL text, as headroom's configured selectors are (`job="kubelet", metrics_path=~"…"`),
// read into Matcher nodes so that rules splice no text: `selector('up', ...parseMatchers(config.selectors.kubelet))`.
// The config layer has checked the text already (src/config/selector.ts); text that does not parse here is a bug.
import { parser } from '@prometheus-io/lezer-promql';
import type { Matcher, MatchOp } from './expr.ts';
import { matcher } from './selector.ts';

const MATCH_OPS: Record<string, MatchOp> = { EqlSingle: '=', Neq: '!=', EqlRegex: '=~', NeqRegex: '!~' };

export function parseMatchers(text: string): Matcher[] {
  if (text.trim() === '') return [];
  const source = `x{${text}}`;
  const tree = parser.parse(source);
  tree.iterate({
    enter: (ref) => {
      if (ref.type.isError || ref.name === 'QuotedLabelMatcher' || ref.name === 'QuotedLabelName')
        throw new Error(`PromQL: ${JSON.stringify(text)} is not a list of label matchers`);
    },
  });
  const matchers: Matcher[] = [];
  tree.iterate({
    enter: (ref) => {
      if (ref.name !== 'UnquotedLabelMatcher') return;
      const node = ref.node;
      const slice = (name: string) => {
        const child = node.getChild(name)!;
        return source.slice(child.from, child.to);
      };
      const op = MATCH_OPS[node.getChild('MatchOp')!.firstChild!.name]!;
      matchers.push(matcher(slice('LabelName'), op, unquote(slice('StringLiteral'))));
    },
  });
  return matchers;
}

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** A PromQL string literal's value: Go's escapes in '…' and "…", none in `…`. */
export function unquote(literal: string): string {
  const body = literal.slice(1, -1);
  if (literal.startsWith('`')) return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|[\s\S])/g, (_, sequence: string) => {
    if (/^[xuU]/.test(sequence)) return String.fromCodePoint(Number.parseInt(sequence.slice(1), 16));
    if (/^[0-7]{3}$/.test(sequence)) return String.fromCodePoint(Number.parseInt(sequence, 8));
    return ESCAPES[sequence] ?? sequence;
  });
}
