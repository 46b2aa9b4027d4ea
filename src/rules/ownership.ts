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
import { LABEL } from '../values/reserved-labels.ts';
import { keyOf } from './keys.ts';
import { type OwnedBy, ownedLabel, ownerSeriesName } from './owned-by.ts';
import { aggregate, binary, by, matcher, series, wrap } from './promql.ts';
import { TEAM_SETTING } from './record-names.ts';

/** An alert rule's owners: those whose owner series has `label` matching `matcher`. */
export interface Selection {
  label: string;
  matcher: string;
}

/** The labels an owner's alerts carry from it: its team and its team labels. */
export function ownerLabels(owner: Owner): Record<string, string> {
  return { ...owner.labels, team: owner.team };
}

/** Label names copied onto alerts from the owner series: team plus every extra label any owner uses. */
export function copiedOwnerLabels(model: Model): string[] {
  return [LABEL.team, ...[...new Set(model.owners.flatMap((owner) => Object.keys(owner.labels)))].sort()];
}

/**
 * The newest owner of each namespace (node), as 1, with every label of its owner series; only those whose owner has
 * the selected settings when `selection` is given.
 */
export function currentOwners(model: Model, kind: OwnedBy, selection?: Selection): string {
  const key = keyOf(model, ownedLabel(kind));
  const newest = `topk by ${by(key)} (1, ${ownerSeriesName(kind)})`;
  const owners =
    selection === undefined
      ? newest
      : binary(newest, `and on ${by([...key, selection.label])}`, series(ownerSeriesName(kind), selection.matcher));
  return wrap('group without ()', owners);
}

/**
 * Per namespace (node): the value of a numeric setting (its id, e.g. containerMemoryNearLimit.threshold) of its newest
 * owner (see rule-settings.ts).
 */
export function ownerSettingValue(model: Model, kind: OwnedBy, setting: string): string {
  const key = keyOf(model, ownedLabel(kind));
  const values = series(TEAM_SETTING, matcher(LABEL.setting, '=', setting));
  return aggregate('max', key, binary(currentOwners(model, kind), `* on (${LABEL.owner}) group_left ()`, values));
}

/** `expr` restricted to what the selected owners own, with the owner's team and team labels; the value stays `expr`'s. */
export function withOwnerLabels(model: Model, kind: OwnedBy, expr: string, selection: Selection | undefined): string {
  const key = keyOf(model, ownedLabel(kind));
  return binary(
    expr,
    `* on ${by(key)} group_left ${by(copiedOwnerLabels(model))}`,
    currentOwners(model, kind, selection),
  );
}
