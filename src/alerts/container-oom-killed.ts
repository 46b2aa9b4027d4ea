// ContainerOOMKilled: a container (also an init container or native sidecar) restarted within `window` and its last
// termination was an OOM kill. last_terminated_reason alone stays 1 for days, so a restart inside the window is
// required: `increase` over the window, which also sees pods killed minutes after their start (their counter is first
// scraped at 0).
// Not covered: a pod killed before kube-state-metrics' first scrape of it (its first sample already counts the kill)
// is caught at its next kill only. Taking "a counter that did not exist a window ago" instead would page for every
// old kill after any gap in kube-state-metrics' data longer than the lookback (a sharded or restarted exporter).
//
// Evidence (the `evidence` annotation; the description says which):
// - reason: the last termination says OOMKilled;
// - oom-events: it says Error with exit code 137 (a SIGKILL: the runtime missed the OOM, e.g. a child process was
//   killed, or the OOM event raced the exit) and cadvisor counted an OOM kill of the container within the window;
// - working-set-at-limit: Error and 137, and the working set came within the owner's `evidenceMargin` of the limit in
//   the window.
// A SIGKILL without either (liveness probe, kubectl delete --grace-period=0) is no OOM kill. The evidence is not a
// label: cadvisor's OOM event and kube-state-metrics' restart come from two exporters scraped at different moments,
// so which evidence is in the window changes during one kill (the event leaves it a scrape before the restart does);
// an alert whose identity held the evidence paged twice for one kill. One alert per container, window and
// container_type, whatever the evidence and the order its samples arrive in.
//
// The kills are recorded once per distinct window over every container; the alert rules (one per distinct window and
// severity) read only those few series, the evidence margin of each namespace's owner and the owner.
import { z } from 'zod';
import type { Model } from '../model/model.ts';
import { alertRulesPerSetting } from '../rules/alert-rules.ts';
import {
  balanced,
  binary,
  by,
  call,
  eq,
  type Expr,
  groupLeft,
  type Matcher,
  max,
  on,
  print,
  range,
  selector,
  without,
} from '../promql/index.ts';
import { rangeDuration } from '../values/duration-setting.ts';
import { LABEL, SOURCE_LABEL } from '../values/reserved-labels.ts';
import { containerQueryValue, firstMatchingCase, teamDashboardUrl } from '../rules/annotations.ts';
import { oomEventRules } from '../rules/container-oom-events.ts';
import { CONTAINER_TYPE_NOUN, initContainerTypeRules } from '../rules/init-container-types.ts';
import { INPUT, LIMIT_INPUTS, optional } from '../rules/input-series.ts';
import { containerKey, namespaceKey } from '../rules/keys.ts';
import { ownerSettingValue } from '../rules/ownership.ts';
import { distinctValues } from '../rules/partition.ts';
import {
  EXIT137_PEAK_RATIO,
  EXIT137_RESTARTS,
  MEMORY_RATIO,
  OOM_EVENTS,
  OOM_RESTARTS,
  RESTARTS_IN_WINDOW,
} from '../rules/record-names.ts';
import type { AlertingRule, RecordingRule } from '../rules/rule-types.ts';
import { restartsInWindowRules } from '../rules/restarts-in-window.ts';
import { sourceSeries } from '../rules/source-series.ts';
import { defineAlert, valueSettingId } from './alert-definition.ts';
import { rangeWarnings } from './range-warnings.ts';
import { durationSetting, enabled, fraction, severity } from './settings.ts';

/** What the alert loses without an optional input (doctor says it). */
const EXIT_137_KILLS = 'the kills reported as Error with exit code 137';
const INIT_KILLS = "init containers' and sidecars' kills";

const settings = z.strictObject({
  enabled,
  window: durationSetting(rangeDuration, 'How long the alert keeps firing after the last OOM kill'),
  severity,
  errorExit137: z.boolean().meta({
    description:
      'Also count a termination with reason Error and exit code 137 when there is evidence of an OOM kill (OOM ' +
      'events, or the working set at the limit)',
  }),
  evidenceMargin: fraction.meta({
    description: 'Working set within this fraction of the limit just before an exit 137 counts as OOM evidence',
  }),
});

export const containerOOMKilled = defineAlert({
  key: 'containerOOMKilled',
  name: 'ContainerOOMKilled',
  summary: 'a container (also an init container or sidecar) was OOM-killed within `window`',
  subject: 'namespaces',
  group: 'container-memory',
  settings,
  defaults: { enabled: true, window: '10m', severity: 'critical', errorExit137: true, evidenceMargin: 0.03 },
  ruleSettings: (a) => ({ window: a.window, severity: a.severity }),
  valueSettings: { evidenceMargin: (a) => (a.enabled && a.errorExit137 ? a.evidenceMargin : undefined) },
  // The kills by reason need the main containers' restarts and reasons; the rest is evidence or init containers.
  inputs: [
    INPUT.restarts,
    INPUT.lastReason,
    ...[INPUT.lastExitCode, INPUT.oomEvents, INPUT.workingSet, ...LIMIT_INPUTS].map((input) =>
      optional(input, EXIT_137_KILLS),
    ),
    ...[INPUT.initRestarts, INPUT.initLastReason, INPUT.initLastExitCode, INPUT.initInfo].map((input) =>
      optional(input, INIT_KILLS),
    ),
  ],
  ranges: ['window'],
  panels: [
    { dashboard: 'team', row: 'OOM kills and restarts' },
    { dashboard: 'overview', row: 'OOM kills' },
  ],
  needs: [initContainerTypeRules, restartsInWindowRules, oomEventRules],
  rules: (model) => [...oomRestartRules(model), ...oomKilledAlerts(model)],
  warnings: (a) => rangeWarnings('window', a.window),
});

/** Why a kill counts as an OOM kill: the `evidence` label of the recorded kills and annotation of the alert. */
const EVIDENCE = { reason: 'reason', oomEvents: 'oom-events', workingSet: 'working-set-at-limit' } as const;

const MARGIN = valueSettingId(containerOOMKilled, 'evidenceMargin');

/** Distinct windows of the owners that have the alert on (and, with `exit137`, count exit 137 too), sorted. */
function oomWindows(model: Model, exit137 = false): string[] {
  return distinctValues(model, ({ alerts: { containerOOMKilled: a } }) =>
    a.enabled && (!exit137 || a.errorExit137) ? a.window : undefined,
  );
}

/**
 * Containers of every kind restarted within `window` whose last termination matches `termination` (built from the
 * reason and exit code series of that kind, main or init); the value is the restart count, with container_type.
 */
function restartedWith(model: Model, window: string, termination: (kind: 'main' | 'init') => Expr): Expr {
  return binary(
    selector(RESTARTS_IN_WINDOW, eq(LABEL.window, window)),
    'and',
    binary(termination('main'), 'or', termination('init'), 'lines'),
    on(containerKey(model)),
    'lines',
  );
}

function lastReason(model: Model, kind: 'main' | 'init', reason: string): Expr {
  const source = sourceSeries(model);
  const reasonSeries = kind === 'main' ? source.lastTerminatedReason : source.initLastTerminatedReason;
  return binary(max(by(containerKey(model)), reasonSeries(eq(SOURCE_LABEL.reason, reason))), '==', 1);
}

function lastExitCode137(model: Model, kind: 'main' | 'init'): Expr {
  const source = sourceSeries(model);
  const exitCode = kind === 'main' ? source.lastTerminatedExitCode() : source.initLastTerminatedExitCode();
  return binary(max(by(containerKey(model)), exitCode), '==', 137);
}

/**
 * Per distinct window: the kills by reason; where some owner counts exit 137, the exit-137 kills, those with an OOM
 * event, and their peak ratio to the limit within the window. None of them depends on an owner.
 */
function oomRestartRules(model: Model): RecordingRule[] {
  const onKey = on(containerKey(model));
  const exit137Windows = new Set(oomWindows(model, true));
  return oomWindows(model).flatMap((window) => {
    const inWindow = eq(LABEL.window, window);
    const byReason: RecordingRule = {
      record: OOM_RESTARTS,
      expr: print(restartedWith(model, window, (kind) => lastReason(model, kind, 'OOMKilled'))),
      labels: { window, evidence: EVIDENCE.reason },
    };
    if (!exit137Windows.has(window)) return [byReason];
    const exit137 = (kind: 'main' | 'init') =>
      binary(lastReason(model, kind, 'Error'), 'and', lastExitCode137(model, kind), onKey, 'lines');
    const peakRatio = call('max_over_time', [range(selector(MEMORY_RATIO), window)]);
    return [
      byReason,
      { record: EXIT137_RESTARTS, expr: print(restartedWith(model, window, exit137)), labels: { window } },
      {
        record: OOM_RESTARTS,
        expr: print(
          binary(selector(EXIT137_RESTARTS, inWindow), 'and', selector(OOM_EVENTS, inWindow), onKey, 'lines'),
        ),
        labels: { window, evidence: EVIDENCE.oomEvents },
      },
      {
        record: EXIT137_PEAK_RATIO,
        expr: print(binary(peakRatio, 'and', selector(EXIT137_RESTARTS, inWindow), onKey, 'lines')),
        labels: { window },
      },
    ];
  });
}

/**
 * The kills of one window that count for their namespace's owner: by reason always; with reason Error and exit 137
 * where the owner counts them (it has an evidence margin), with an OOM event or the peak within the margin.
 */
function countedKills(model: Model, window: string): Expr {
  const inWindow = eq(LABEL.window, window);
  const byReason = selector(OOM_RESTARTS, inWindow, eq(LABEL.evidence, EVIDENCE.reason));
  if (!oomWindows(model, true).includes(window)) return byReason;
  const onNamespace = on(namespaceKey(model));
  const margin = ownerSettingValue(model, 'namespaces', MARGIN);
  const withEvents = binary(
    selector(OOM_RESTARTS, inWindow, eq(LABEL.evidence, EVIDENCE.oomEvents)),
    'and',
    margin,
    onNamespace,
    'lines',
  );
  const peakAtLimit = binary(
    selector(EXIT137_PEAK_RATIO, inWindow),
    '>=',
    binary(1, '-', margin, 'lines'),
    onNamespace,
    groupLeft(),
    'lines',
  );
  const atLimit = binary(selector(EXIT137_RESTARTS, inWindow), 'and', peakAtLimit, on(containerKey(model)), 'lines');
  return balanced([byReason, withEvents, atLimit], 'or', 'lines');
}

function oomKilledAlerts(model: Model): AlertingRule[] {
  return alertRulesPerSetting(model, containerOOMKilled, (settings) => ({
    // One alert per kill: the evidence label dropped (see the file comment).
    expr: max(without([LABEL.evidence]), countedKills(model, settings.window)),
    summary: 'A container was killed by the kernel (OOMKilled) for reaching its memory limit.',
    description: oomDescription(model, settings.window),
    dashboardUrl: teamDashboardUrl(model, ['namespace', 'pod']),
    annotations: {
      evidence: evidenceOf(model, settings.window, [EVIDENCE.reason, EVIDENCE.oomEvents, EVIDENCE.workingSet]),
    },
  }));
}

/** The evidence of the alert's kill, first match in priority order, in `texts` (reason, OOM events, working set). */
function evidenceOf(model: Model, window: string, texts: readonly [string, string, string]): string {
  const kills =
    (evidence: string) =>
    (...m: Matcher[]) =>
      selector(OOM_RESTARTS, eq(LABEL.window, window), eq(LABEL.evidence, evidence), ...m);
  return firstMatchingCase(containerKey(model), [
    { query: kills(EVIDENCE.reason), text: texts[0] },
    { query: kills(EVIDENCE.oomEvents), text: texts[1] },
    { text: texts[2] },
  ]);
}

function oomDescription(model: Model, window: string): string {
  const limit = containerQueryValue(model, (...m) => max(sourceSeries(model).memoryLimit(...m)), 'humanize1024', {
    suffix: 'B memory limit',
    otherwise: 'node memory, as it has no memory limit',
  });
  const how = evidenceOf(model, window, [
    'was OOMKilled',
    'was killed (reason Error, exit code 137) while the kernel counted an OOM kill in it',
    'was killed (reason Error, exit code 137) with its working set at its memory limit',
  ]);
  return (
    `${CONTAINER_TYPE_NOUN} {{ $labels.container }} of pod {{ $labels.namespace }}/{{ $labels.pod }} ${how} ` +
    `(restarts in the last ${window}: {{ printf "%.0f" $value }}): it used up its ${limit}. ` +
    'Heap flags (-Xmx, --max-old-space-size, GOMEMLIMIT) do not prevent this: only the limit counts.'
  );
}
