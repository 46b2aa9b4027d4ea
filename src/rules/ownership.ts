// How an alert learns its owner: it joins the owner series (see owner-rules.ts) on its namespace or node and copies
// the owner's `team` and team labels. The owner series are recorded in a group of their own, so an alert always reads
// an ownership decided at an earlier evaluation, complete and the same on every ruler (vmalert reads recorded series
// an evaluation late anyway); a namespace or node nobody has decided about yet has no owner, and its alerts wait.
//
// One decision exists per namespace (node), except for up to two evaluations after the ownership group is renamed or
// split (Prometheus keeps a removed group's series that long): the owner series' value is the time of the decision,
// and topk keeps the newest — a tie broken by value, never by the order series come in. An alert rule that holds the
// settings of some owners only keeps the namespaces whose newest owner has those settings (the `headroom_<alert>`
// label of the owner series, see partition.ts), so the team an alert names and the settings it was judged by always
// come from the same owner series.
import type { Model, Owner } from '../model/model.ts';
import {
  binary,
  by,
  type Expr,
  eq,
  group,
  groupLeft,
  type Matcher,
  max,
  on,
  selector,
  topk,
  without,
} from '../promql/index.ts';
import { LABEL } from '../values/reserved-labels.ts';
import { keyOf } from './keys.ts';
import { type OwnedBy, ownedLabel, ownerSeriesName } from './owned-by.ts';
import { TEAM_SETTING } from './record-names.ts';

/** An alert rule's owners: those whose owner series has `label` matching `matcher`. */
export interface Selection {
  label: string;
  matcher: Matcher;
}

/** The labels an owner's alerts carry from it: its team and its team labels. */
export function ownerLabels(owner: Owner): Record<string, string> {
  return { ...owner.labels, team: owner.team };
}

/** Label names copied onto alerts from the owner series: team plus every extra label any owner uses. */
export function copiedOwnerLabels(model: Model): string[] {
  // Asked for by every ownership rule and alert rule: a pass over every owner each time adds up on a large fleet.
  let labels = copiedLabels.get(model);
  if (labels === undefined) {
    labels = [LABEL.team, ...[...new Set(model.owners.flatMap((owner) => Object.keys(owner.labels)))].sort()];
    copiedLabels.set(model, labels);
  }
  return [...labels];
}

const copiedLabels = new WeakMap<Model, string[]>();

/**
 * The newest owner of each namespace (node), as 1, with every label of its owner series; only those whose owner has
 * the selected settings when `selection` is given.
 */
export function currentOwners(model: Model, kind: OwnedBy, selection?: Selection): Expr {
  const key = keyOf(model, ownedLabel(kind));
  const newest = topk(by(key), 1, selector(ownerSeriesName(kind)));
  const owners =
    selection === undefined
      ? newest
      : binary(
          newest,
          'and',
          selector(ownerSeriesName(kind), selection.matcher),
          on([...key, selection.label]),
          'lines',
        );
  return group(without([]), owners);
}

/**
 * Per namespace (node): the value of a numeric setting (its id, e.g. containerMemoryNearLimit.threshold) of its newest
 * owner (see rule-settings.ts).
 */
export function ownerSettingValue(model: Model, kind: OwnedBy, setting: string): Expr {
  const key = keyOf(model, ownedLabel(kind));
  const values = selector(TEAM_SETTING, eq(LABEL.setting, setting));
  return max(by(key), binary(currentOwners(model, kind), '*', values, on([LABEL.owner]), groupLeft(), 'lines'));
}

/**
 * `expr` restricted to what the selected owners own, with the owner's team and team labels; the value stays `expr`'s.
 */
export function withOwnerLabels(model: Model, kind: OwnedBy, expr: Expr, selection: Selection | undefined): Expr {
  const key = keyOf(model, ownedLabel(kind));
  return binary(
    expr,
    '*',
    currentOwners(model, kind, selection),
    on(key),
    groupLeft(copiedOwnerLabels(model)),
    'lines',
  );
}
