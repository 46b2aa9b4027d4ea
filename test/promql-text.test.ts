// Nothing in src/ writes PromQL as text but src/promql: every expression is a tree printed by its printer, so
// parentheses, quoting and layout come from one place. This scans every string literal and template of src/ (outside
// src/promql) with the TypeScript parser for PromQL syntax; a template's substitutions count as `∙`, so
// `${metric}{${matchers}}` and `${x}[${window}]` are caught as well as `max by (`. Text that is no PromQL but looks
// like it is listed below with the reason, so an exception is a decision someone made, not a pattern that slipped by.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../src/promql/functions.ts';
import { REPO_ROOT } from './helpers/paths.ts';

/** What a template's substitution reads as: any text at all. */
const HOLE = '∙';

const AGGREGATIONS = ['sum', 'avg', 'min', 'max', 'count', 'group', 'stddev', 'stdvar', 'topk', 'bottomk', 'quantile'];
const CALLABLE = [...FUNCTIONS.keys(), ...AGGREGATIONS, 'count_values'].join('|');
const DURATION = `(?:(?:\\d+(?:ms|[smhdwy]))+|${HOLE})`;

/** PromQL syntax, each with what it is; a literal that matches any of them builds PromQL. */
const PROMQL_SYNTAX: readonly [string, RegExp][] = [
  ['a grouping', new RegExp(`(?:^|\\b(?:${CALLABLE})|${HOLE}) (?:by|without) [(${HOLE}]`)],
  [
    'a vector matching',
    new RegExp(`(?:[-+*/%^<>=] |\\b(?:and|or|unless|bool) )(?:on|ignoring) [(${HOLE}]|^(?:on|ignoring) ${HOLE}`),
  ],
  ['group_left/right', /\bgroup_(?:left|right)\b/],
  ['a function call or aggregation', new RegExp(`\\b(?:${CALLABLE})(?:\\(| (?:by|without) )`)],
  ['a range or subquery', new RegExp(`(?<=[\\w}${HOLE}])\\[${DURATION}(?::${DURATION}?)?\\]`)],
  ['an offset', new RegExp(`\\boffset ${DURATION}`)],
  [
    'a selector',
    new RegExp(`(?:[a-zA-Z_:][\\w:]*|${HOLE})\\{\\s*(?:${HOLE}|[a-zA-Z_]\\w*\\s*(?:=~|!~|!=|=)\\s*["'\`])`),
  ],
  ['a label matcher', new RegExp(`(?:\\b[a-zA-Z_]\\w*|${HOLE})(?:=~|!~|!=)["'\`]|${HOLE}="`)],
  ['an operation on a substitution', new RegExp(`${HOLE} (?:[-+*/%^]|==|!=|>=?|<=?)(?: bool)? (?:${HOLE}|\\d|\\()`)],
  ['a set operation of substitutions', new RegExp(`^\\(?${HOLE} (?:and|or|unless) ${HOLE}\\)?$`)],
];

/**
 * Literals that match but build no PromQL, by file and text (substitutions as ∙), each with the reason.
 */
const NOT_PROMQL: readonly { file: string; text: string; reason: string }[] = [
  {
    file: 'src/output/alertmanager-route-file.ts',
    text: '∙=~"∙"',
    reason: "an Alertmanager route matcher (Alertmanager's matcher syntax, in a route, not a query)",
  },
  {
    file: 'src/values/selector.ts',
    text: 'up{∙}',
    reason: "the user's configured selector text wrapped to be parsed (checked) by lezer; it is printed nowhere",
  },
  {
    file: 'src/values/selector.ts',
    text: 'job=~"a{2,3}", are fine)',
    reason: 'an error message showing the user what a configured selector looks like',
  },
  {
    file: 'src/doctor/check-ownership-labels.ts',
    text: 'kube_namespace_labels{∙}',
    reason: "doctor's report naming the series family and the label it lacks, for a reader; no query",
  },
  {
    file: 'src/doctor/format-report.ts',
    text: '∙="∙"',
    reason: "doctor's report naming a cluster by its label and value, for a reader; no query",
  },
];

interface Finding {
  file: string;
  line: number;
  text: string;
  syntax: string;
}

/** The literals of one source file that contain PromQL syntax. */
function promqlLiterals(file: string, source: string): Finding[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const findings: Finding[] = [];
  const check = (node: ts.Node, text: string) => {
    const found = PROMQL_SYNTAX.find(([, pattern]) => pattern.test(text));
    if (found === undefined) return;
    const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
    findings.push({ file, line, text, syntax: found[0] });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) check(node, node.text);
    else if (ts.isTemplateExpression(node))
      check(node, [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(HOLE));
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return findings;
}

const SRC = join(REPO_ROOT, 'src');

function sourceFindings(): Finding[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.startsWith('promql/'))
    .sort()
    .flatMap((file) => promqlLiterals(`src/${file}`, readFileSync(join(SRC, file), 'utf8')));
}

const excepted = (finding: Finding) =>
  NOT_PROMQL.some((exception) => exception.file === finding.file && exception.text === finding.text);

describe('PromQL in src/', () => {
  const findings = sourceFindings();

  it('is built as a tree by src/promql, never written as text', () => {
    const written = findings.filter((finding) => !excepted(finding));
    expect(written.map(({ file, line, syntax, text }) => `${file}:${line}: ${syntax}: ${text}`)).toEqual([]);
  });

  it('lists only exceptions that still exist', () => {
    const stale = NOT_PROMQL.filter(
      (exception) => !findings.some((finding) => finding.file === exception.file && finding.text === exception.text),
    );
    expect(stale).toEqual([]);
  });
});

describe('the scan', () => {
  // Planted: each builds PromQL as text, the way src/ did before src/promql; the scan must name each.
  const planted: [string, string][] = [
    ['max by (${key}) (${inner})', 'a grouping'],
    ['${left}\\n* on ${labels}\\n${right}', 'a vector matching'],
    ['and on (namespace)', 'a vector matching'],
    ['\n${op} group_left (team)\n', 'group_left/right'],
    ['max_over_time(${selector}[${window}])', 'a function call or aggregation'],
    ['sum(${x}) or vector(0)', 'a function call or aggregation'],
    ['${selector}[${window}]', 'a range or subquery'],
    ['${selector} offset ${window}', 'an offset'],
    ['${metric}{${matchers}}', 'a selector'],
    ['kube_pod_info{job="kube-state-metrics"}', 'a selector'],
    ['${label}=~"$${variable}"', 'a label matcher'],
    ['${expr} > 0', 'an operation on a substitution'],
    ['${a} or ${b}', 'a set operation of substitutions'],
  ];
  it.each(planted)('finds PromQL written as text: `%s`', (text, syntax) => {
    const findings = promqlLiterals('planted.ts', `const expr = \`${text}\`;`);
    expect(findings.map((finding) => finding.syntax)).toEqual([syntax]);
  });

  // Text around PromQL that is none: Go templates, legends, Grafana's label_values, prose with brackets and words.
  const clean = [
    '{{ $labels.namespace }}/{{ $labels.pod }}',
    '{{ with ${query} }}{{ . | first | value | humanize1024 }}B{{ end }}',
    'label_values(${selector}, ${label})',
    'Fraction of the memory limit, in (0, 1]',
    'the headroom-diff artifact of [${run}](${url})',
    'on (default off)',
    ' in overlapping clusters (${a} and ${b})',
    '"%[${index}]s"',
  ];
  it.each(clean)('leaves text that is no PromQL: `%s`', (text) => {
    expect(promqlLiterals('clean.ts', `const text = \`${text}\`;`)).toEqual([]);
  });

  it('reads string literals and templates where they stand, import paths left out', () => {
    const source = "const a = 'rate(x[5m])';\nconst b = `${x} == 1`;\nimport { y } from './max(y).ts';\n";
    expect(promqlLiterals('mixed.ts', source).map(({ line, text }) => [line, text])).toEqual([
      [1, 'rate(x[5m])'],
      [2, '∙ == 1'],
    ]);
  });
});
