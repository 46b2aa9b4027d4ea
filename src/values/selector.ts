// Configured selectors are label matchers (`job="kubelet", metrics_path="/metrics/cadvisor"`) spliced into
// every series selector; a broken one would break every rule, so it is parsed up front. lezer accepts some matchers
// Prometheus refuses (a bad regular expression, a quoted label name before 3.0) or that break once spliced
// (a trailing comma before headroom's own matchers; `__name__`, which would select another metric): refused here.
import { parser } from '@prometheus-io/lezer-promql';
import { hasControlCharacter } from './control-characters.ts';

/** An error message, or undefined when `text` is a valid list of label matchers. */
export function parseSelector(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  if (hasControlCharacter(text))
    return 'must be on one line (no newlines or other control characters; alert descriptions quote it)';
  if (/[{}]/.test(outsideStrings(text)))
    return (
      'must be label matchers without braces, e.g. job="kubelet" (braces inside a quoted value, as in ' +
      'job=~"a{2,3}", are fine)'
    );
  if (text.includes('`')) return 'must not contain backticks (alert descriptions quote queries with them)';
  if (text.trim().endsWith(',')) return 'must not end with a comma (headroom adds its own matchers after it)';
  const source = `up{${text}}`;
  const tree = parser.parse(source);
  let error: string | undefined;
  tree.iterate({
    enter: (node) => {
      if (error) return false;
      const at = `(at column ${node.from - 2})`;
      if (node.type.isError) error = `is not a valid list of PromQL label matchers ${at}`;
      else if (node.name === 'QuotedLabelName')
        error = `must name labels without quotes: Prometheus 2 refuses "name"="value" ${at}`;
      else if (node.name === 'LabelName' && source.slice(node.from, node.to).startsWith('__'))
        error =
          `must not match labels starting with __ (reserved by Prometheus; __name__ would select another ` +
          `metric) ${at}`;
      else if (node.name.endsWith('LabelMatcher') && isRegexMatch(node.node.getChild('MatchOp')?.firstChild?.name)) {
        const literal = node.node.getChild('StringLiteral');
        const problem = literal ? regexProblem(unquote(source.slice(literal.from, literal.to))) : undefined;
        if (problem) error = `has a regular expression Prometheus refuses: ${problem} ${at}`;
      }
      return undefined;
    },
  });
  return error;
}

/** The label names a selector's matchers name (`job="kubelet", metrics_path=~"…"` → job, metrics_path). */
export function selectorLabelNames(text: string): string[] {
  const source = `up{${text}}`;
  const names: string[] = [];
  parser.parse(source).iterate({
    enter: (node) => {
      if (node.name === 'LabelName') names.push(source.slice(node.from, node.to));
    },
  });
  return names;
}

/** The text with every quoted string's content blanked: what is left is PromQL syntax, not a label value. */
function outsideStrings(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?/g, (literal) => ' '.repeat(literal.length));
}

function isRegexMatch(op: string | undefined): boolean {
  return op === 'EqlRegex' || op === 'NeqRegex';
}

function unquote(literal: string): string {
  const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r' };
  return literal.slice(1, -1).replace(/\\(.)/g, (_, char: string) => escapes[char] ?? char);
}

/**
 * Why Prometheus' RE2 would refuse a regular expression, or undefined. JavaScript's engine decides the syntax; the
 * constructs it has and RE2 lacks (lookaround, backreferences) are refused by name.
 */
function regexProblem(regex: string): string | undefined {
  if (/\(\?<?[=!]/.test(regex)) return 'lookaround (?= (?! (?<= (?<! is not supported by RE2';
  if (/\\[1-9]/.test(regex)) return 'backreferences are not supported by RE2';
  try {
    new RegExp(regex);
    return undefined;
  } catch (thrown) {
    return thrown instanceof Error
      ? thrown.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '')
      : String(thrown);
  }
}
