// Everything `generate` writes, as relative path → file content, built in memory so that any error
// surfaces before a single file is touched. Each output format contributes its files here: sources from the
// model, then derived outputs from the files the sources produced (indexes of them, other encodings).
import type { Model } from '../model/model.ts';
import { ruleGroups } from '../rule-groups/rule-groups.ts';
import { alertmanagerConfigFiles } from './alertmanager-config-objects.ts';
import { routeFileFiles } from './alertmanager-route-file.ts';
import { dashboardFiles } from './dashboard-files.ts';
import { kustomizationFiles } from './kustomization.ts';
import { mixinFiles } from './mixin-json.ts';
import { largestRule, prometheusRule, prometheusRulePath, type PrometheusRuleObject } from './prometheus-rule.ts';
import { LAST_APPLIED_LIMIT, lastAppliedProblems } from './dashboard-size-guard.ts';
import { InputError, type Problem } from '../config/input-error.ts';
import { ruleFiles } from './rule-files.ts';
import { settingsManifestFiles } from './settings-manifest.ts';
import { type GeneratedFile, objectFile } from './generated-file.ts';
import { byCodePoint } from '../values/ordering.ts';
import { NAMESPACE_OWNER, NODE_OWNER } from '../rules/record-names.ts';

export type GeneratedTree = Map<string, string>;

/** The data YAML files were written from, by path (see GeneratedFile.data). */
export type GeneratedData = ReadonlyMap<string, unknown>;

type SourceOutput = (model: Model) => GeneratedFile[];
type DerivedOutput = (files: readonly GeneratedFile[], model: Model) => GeneratedFile[];

/** The rule groups, built once, in every rule output the config turns on (the config requires at least one). */
function ruleOutputFiles(model: Model): GeneratedFile[] {
  const groups = ruleGroups(model);
  const objects = model.output.prometheusRule.enabled
    ? groups.map((group): [string, PrometheusRuleObject] => [prometheusRulePath(group), prometheusRule(model, group)])
    : [];
  // headroom splits the groups that grow with the fleet (ownership, the teams table) to fit; one still too big holds
  // long settings repeated in every alert, or many claims starting with `*` (they fall in every range of names).
  const problems = objects.flatMap(([path, object]) =>
    lastAppliedProblems(path, 'output.prometheusRule', object, model.output.prometheusRule.serverSideApply, {
      setting: 'output.prometheusRule.serverSideApply',
      split: () => shortenRules(object),
    }),
  );
  if (problems.length > 0) throw new InputError(problems);
  return [...objects.map(([path, object]) => objectFile(path, object)), ...ruleFiles(model, groups)];
}

/** What helps an object too big: its one rule that no split can fit, or what makes many rules long. */
function shortenRules(object: PrometheusRuleObject): string {
  const largest = largestRule(object);
  const alone = { ...object, spec: { groups: [{ name: object.metadata.name, rules: [largest.rule] }] } };
  if (Buffer.byteLength(JSON.stringify(alone)) > LAST_APPLIED_LIMIT) {
    const tooBig = `its ${largest.text} alone is ${largest.bytes} bytes, which no split fits`;
    const record = 'record' in largest.rule ? largest.rule.record : undefined;
    if (record === NAMESPACE_OWNER || record === NODE_OWNER) {
      // Every range of names decides the claims with no literal start, and every team ownership.namespaceLabel names.
      return (
        `${tooBig}: give claims a literal start (payments-* rather than *-payments); with ownership.namespaceLabel, ` +
        'every part holds one selector per distinct `clusters` of the teams: fewer distinct cluster scopes help'
      );
    }
    return `${tooBig}: shorten what it holds (the team's labels, long settings such as links.runbookUrlPattern)`;
  }
  return (
    'shorten long settings repeated in every alert (links.runbookUrlPattern, links.grafanaUrl), or give claims a ' +
    'literal start (payments-* rather than *-payments)'
  );
}

const SOURCE_OUTPUTS: SourceOutput[] = [
  ruleOutputFiles,
  settingsManifestFiles,
  dashboardFiles,
  routeFileFiles,
  alertmanagerConfigFiles,
];
/** Run in order, each seeing every file before it; kustomizationFiles stays last so it lists them all. */
const DERIVED_OUTPUTS: DerivedOutput[] = [mixinFiles, kustomizationFiles];

/** The tree, and the data its YAML files were written from. */
export function generatedOutput(model: Model): { tree: GeneratedTree; data: GeneratedData } {
  // Every output's refusals at once, so a config too big in several ways is told all of them in one run.
  const problems: Problem[] = [];
  const sources = SOURCE_OUTPUTS.flatMap((output) => {
    try {
      return output(model);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
      return [];
    }
  });
  if (problems.length > 0) throw new InputError(problems);
  const files = [...sources];
  for (const output of DERIVED_OUTPUTS) files.push(...output(files, model));
  files.sort((a, b) => byCodePoint(a.path, b.path));
  const tree: GeneratedTree = new Map(files.map((file) => [file.path, file.content]));
  if (tree.size !== files.length) {
    const duplicate = files.find((file, i) => i > 0 && files[i - 1]!.path === file.path)!;
    throw new Error(`two outputs want to write ${duplicate.path}`);
  }
  const data = new Map(files.flatMap((file) => (file.data === undefined ? [] : [[file.path, file.data] as const])));
  return { tree, data };
}
