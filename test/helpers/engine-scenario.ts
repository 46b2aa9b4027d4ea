// Scenario items whose expectation differs by engine. An item of `alert_rule_test` or `promql_expr_test` preceded by
// a comment line `# engine: <major>` runs on that engine only; the comment says why it differs, and the same item
// (same eval_time and alertname, or eval_time and expr) must exist for every other engine, so each engine's truth is
// asserted and none is skipped. Unmarked items run on every engine. Anchors must not be defined in marked items.
import { isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { ENGINES } from '../../scripts/engines.ts';

const MARKER = /^\s*#\s*engine:\s*(\S*)(.*)$/;
const MARKED_LISTS = ['alert_rule_test', 'promql_expr_test'];
const KEYS: Record<string, string[]> = {
  alert_rule_test: ['eval_time', 'alertname'],
  promql_expr_test: ['eval_time', 'expr'],
};

interface Marked {
  major: number;
  key: string;
  line: number;
}

/** The comment lines right above the line holding `offset`, nearest last. */
function commentsAbove(lines: string[], line: number): { text: string; line: number }[] {
  const comments = [];
  for (let i = line - 1; i >= 0 && /^\s*#/.test(lines[i]!); i--) comments.unshift({ text: lines[i]!, line: i });
  return comments;
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length - 1;
}

function markerOf(lines: string[], line: number, file: string): { major: number; line: number } | undefined {
  const comments = commentsAbove(lines, line);
  const markers = comments.filter((comment) => MARKER.test(comment.text));
  if (markers.length === 0) return undefined;
  const where = `${file}:${markers[0]!.line + 1}`;
  if (markers.length > 1) throw new Error(`${where}: one item, several engine markers`);
  const [, major, rest] = markers[0]!.text.match(MARKER)!;
  if (!ENGINES.some((engine) => String(engine.major) === major)) {
    throw new Error(
      `${where}: engine marker "${major}" names no engine (${ENGINES.map((engine) => engine.major).join(', ')})`,
    );
  }
  const why = [
    rest!,
    ...comments.filter((comment) => !MARKER.test(comment.text)).map((comment) => comment.text.replace(/^\s*#/, '')),
  ];
  if (!/\w/.test(why.join(' '))) throw new Error(`${where}: an engine-specific item says why it differs by engine`);
  return { major: Number(major), line: markers[0]!.line };
}

function keyOf(item: YAMLMap, list: string): string {
  return JSON.stringify(KEYS[list]!.map((key) => String(item.get(key) ?? '')));
}

/**
 * The scenario as `engine`'s promtool must read it: items marked for other engines removed. Throws on a marker
 * outside an alert_rule_test/promql_expr_test item, without a reason, or without a variant for every engine.
 */
export function scenarioForEngine(text: string, major: number, file = 'scenario'): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]!.message}`);
  const lines = text.split('\n');
  const marked: Marked[] = [];
  const tests = doc.get('tests');
  for (const group of isSeq(tests) ? tests.items : []) {
    if (!isMap(group)) continue;
    for (const list of MARKED_LISTS) {
      const items = group.get(list);
      if (!isSeq(items)) continue;
      (items as YAMLSeq).items = items.items.filter((item) => {
        if (!isMap(item) || !item.range) return true;
        const marker = markerOf(lines, lineOf(text, item.range[0]), file);
        if (!marker) return true;
        marked.push({ major: marker.major, key: `${list} ${keyOf(item, list)}`, line: marker.line });
        return marker.major === major;
      });
    }
  }

  const stray = lines.findIndex((line, i) => MARKER.test(line) && !marked.some((m) => m.line === i));
  if (stray >= 0)
    throw new Error(
      `${file}:${stray + 1}: an engine marker stands only right above an alert_rule_test or promql_expr_test item`,
    );
  for (const { key, line } of marked) {
    const missing = ENGINES.filter(
      (engine) => !marked.some((other) => other.key === key && other.major === engine.major),
    );
    if (missing.length > 0) {
      throw new Error(
        `${file}:${line + 1}: engine-specific item without a variant for ` +
          `${missing.map((engine) => engine.name).join(', ')}: every engine's truth is asserted`,
      );
    }
  }

  const unresolved = (why: string) =>
    new Error(`${file}: the engine ${major} reading does not resolve (an anchor in a marked item?): ${why}`);
  let result: string;
  try {
    result = String(doc);
    const reread = parseDocument(result);
    const problem = [...reread.errors, ...reread.warnings][0];
    if (problem) throw unresolved(problem.message);
    reread.toJS();
  } catch (error) {
    throw error instanceof Error && error.message.startsWith(file) ? error : unresolved((error as Error).message);
  }
  return result;
}
