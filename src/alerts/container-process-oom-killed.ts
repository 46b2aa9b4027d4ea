// ContainerProcessOOMKilled: the kernel OOM-killed a process inside a container and the container kept running
// (a worker of nginx, gunicorn, PHP-FPM, a PostgreSQL backend, a forked build step): cadvisor's
// container_oom_events_total rose within `window` while the container did not restart. Nothing else shows it: no
// restart, no OOMKilled. A container that restarted within the window is ContainerOOMKilled's (whatever the
// reason), so the two never alert for one kill.
// On cgroup v2 the kubelet (Kubernetes ≥ 1.28) sets memory.oom.group, so any OOM kill kills the whole container and
// this alert stays silent; it fires on cgroup v1 nodes or with the kubelet's singleProcessOOMKill: true.
// The kills are recorded once per distinct window; the alert rules read only those few series.
import { z } from 'zod';
import type { Model } from '../model/model.ts';
import { alertRulesPerSetting } from '../rules/alert-rules.ts';
import { binary, eq, groupLeft, on, paren, print, selector } from '../promql/index.ts';
import { rangeDuration } from '../values/duration-setting.ts';
import { durationMs, isDuration } from '../values/duration.ts';
import { teamDashboardUrl } from '../rules/annotations.ts';
import { oomEventRules } from '../rules/container-oom-events.ts';
import {
  CONTAINER_TYPE,
  CONTAINER_TYPE_NOUN,
  initContainerTypeRules,
  setLabel,
} from '../rules/init-container-types.ts';
import { INPUT, optional } from '../rules/input-series.ts';
import { containerKey } from '../rules/keys.ts';
import { INIT_CONTAINER_TYPE, OOM_EVENTS, PROCESS_OOM_KILLS, RESTARTS_IN_WINDOW } from '../rules/record-names.ts';
import { restartsInWindowRules } from '../rules/restarts-in-window.ts';
import type { AlertingRule, RecordingRule } from '../rules/rule-types.ts';
import { defineAlert, type SettingWarning } from './alert-definition.ts';
import { rangeWarnings } from './range-warnings.ts';
import { durationSetting, enabled, severity } from './settings.ts';

const settings = z.strictObject({
  enabled,
  window: durationSetting(rangeDuration, 'How long the alert keeps firing after the last kill'),
  severity,
});

export const containerProcessOOMKilled = defineAlert({
  key: 'containerProcessOOMKilled',
  name: 'ContainerProcessOOMKilled',
  summary: 'a process inside a container was OOM-killed and the container kept running',
  subject: 'namespaces',
  group: 'container-memory',
  settings,
  defaults: { enabled: true, window: '10m', severity: 'warning' },
  ruleSettings: (a) => ({ window: a.window, severity: a.severity }),
  inputs: [
    INPUT.oomEvents,
    INPUT.restarts,
    ...[INPUT.initRestarts, INPUT.initInfo].map((input) => optional(input, "init containers' and sidecars' kills")),
  ],
  ranges: ['window'],
  panels: [
    { dashboard: 'team', row: 'OOM kills and restarts' },
    { dashboard: 'overview', row: 'Silent OOM kills' },
  ],
  needs: [initContainerTypeRules, restartsInWindowRules, oomEventRules],
  rules: (model) => [...processOOMKillRules(model), ...processOOMKilledAlerts(model)],
  warnings: (a) => windowWarnings(a.window),
});

/**
 * How long the kills must be seen without a restart before the alert fires. A kill of the main process reaches
 * cadvisor's counter (on the dying cgroup) up to a scrape before kube-state-metrics' restart counter shows the restart;
 * this waits for it, so such a kill is ContainerOOMKilled's alone. The window must be longer.
 */
const PROCESS_OOM_FOR = '2m';

function processWindows(model: Model): string[] {
  const enabled = model.owners.map((owner) => owner.alerts.containerProcessOOMKilled).filter((a) => a.enabled);
  return [...new Set(enabled.map((a) => a.window))].sort();
}

/**
 * Per distinct window: OOM kills counted in containers (init containers and sidecars included) that did not restart.
 */
function processOOMKillRules(model: Model): RecordingRule[] {
  return processWindows(model).map((window) => {
    const inWindow = eq('window', window);
    return {
      record: PROCESS_OOM_KILLS,
      expr: print(
        binary(
          selector(OOM_EVENTS, inWindow),
          'unless',
          selector(RESTARTS_IN_WINDOW, inWindow),
          on(containerKey(model)),
          'lines',
        ),
      ),
      labels: { window },
    };
  });
}

function processOOMKilledAlerts(model: Model): AlertingRule[] {
  const key = containerKey(model);
  return alertRulesPerSetting(model, containerProcessOOMKilled, (settings) => {
    // container_type from the init container series (few series here: only the killed containers).
    const kills = selector(PROCESS_OOM_KILLS, eq('window', settings.window));
    const initTypes = selector(INIT_CONTAINER_TYPE);
    // In parentheses as an argument on the call's line: `label_replace((…), "container_type", …)`.
    const main = paren(binary(kills, 'unless', initTypes, on(key), 'lines'));
    const typed = binary(
      setLabel(main, CONTAINER_TYPE.container),
      'or',
      binary(kills, '*', initTypes, on(key), groupLeft(['container_type']), 'lines'),
      'lines',
    );
    return {
      expr: typed,
      for: PROCESS_OOM_FOR,
      summary: 'The kernel OOM-killed a process inside a container; the container kept running.',
      description:
        `${CONTAINER_TYPE_NOUN} {{ $labels.container }} of pod {{ $labels.namespace }}/{{ $labels.pod }}: ` +
        '{{ printf "%.0f" $value }} {{ if eq (printf "%.0f" $value) "1" }}process{{ else }}processes{{ end }} ' +
        `OOM-killed in the last ${settings.window}, without a restart. A worker or child process reached the ` +
        'memory limit and was killed; the container lost its work silently.',
      dashboardUrl: teamDashboardUrl(model, ['namespace', 'pod']),
    };
  });
}

/** A window too short for two samples, or one the fixed `for` outlasts: a kill leaves it before the alert may fire. */
function windowWarnings(window: string | undefined): SettingWarning[] {
  const tooShort = rangeWarnings('window', window);
  if (tooShort.length > 0 || window === undefined || !isDuration(window)) return tooShort;
  if (durationMs(window) > durationMs(PROCESS_OOM_FOR)) return [];
  return [
    {
      setting: 'window',
      message:
        `${window} is not longer than the alert's fixed for: ${PROCESS_OOM_FOR}: a kill leaves the window before ` +
        'the alert may fire, so it never fires',
    },
  ];
}
