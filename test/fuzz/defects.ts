// Invalid projects: a valid arbitrary project with exactly one defect planted, and where it must be reported
// (file, key, and text the reported line holds). Team-file defects go into a team file of the project, or into one
// named ~<something>.yaml that sorts after every other (so an overlap or a duplicate is reported there, not at the
// earlier claim).
import fc from 'fast-check';
import { RESERVED_LABELS } from '../../src/values/reserved-labels.ts';
import { ALERT_SETTINGS } from './alert-settings.ts';
import { type ProjectCase, instanceOf, validProjectArb } from './arbitraries.ts';

export interface PlantedDefect {
  name: string;
  project: ProjectCase;
  /** The file the problem must name, relative to the project folder. */
  file: string;
  key: string;
  /** Text the reported line must contain. */
  lineHas: string;
}

type Team = Record<string, unknown> & {
  name: string;
  namespaces?: string[];
  nodes?: string[];
  labels?: Record<string, string>;
  alerts?: Record<string, Record<string, unknown>>;
};
type Planter = (project: ProjectCase, pick: number) => PlantedDefect | undefined;

const clone = (project: ProjectCase): ProjectCase => structuredClone(project);
const CONFIG = 'headroom.config.ts';

/** A team file of the project to spoil (picked), or a new one when every team is inline. */
function teamFile(project: ProjectCase, pick: number): { file: string; team: Team } {
  if (project.teamFiles.length === 0) project.teamFiles.push({ file: '~extra.yaml', team: { name: 'extra-x' } });
  const entry = project.teamFiles[pick % project.teamFiles.length]!;
  return { file: `teams/${entry.file}`, team: entry.team as Team };
}

function lastTeamFile(project: ProjectCase, file: string, team: Team): string {
  project.teamFiles.push({ file, team });
  return `teams/${file}`;
}

const numbers = ALERT_SETTINGS.filter((s) => s.type.kind === 'number');
const durations = ALERT_SETTINGS.filter((s) => s.type.kind === 'duration');
const enums = ALERT_SETTINGS.filter((s) => s.type.kind === 'enum');
const booleans = ALERT_SETTINGS.filter((s) => s.type.kind === 'boolean');
const BAD_DURATIONS = ['5min', '1h5', 'm5', '5m1h', '10 m', '', '1.5h', '-5m'];

function outOfRange(setting: (typeof numbers)[number], pick: number): number {
  const type = setting.type as Extract<typeof setting.type, { kind: 'number' }>;
  const candidates = [
    type.max + 0.5,
    type.min - 0.25,
    ...(type.minIncluded ? [] : [type.min]),
    ...(type.maxIncluded ? [] : [type.max]),
    type.max * 10,
  ];
  return candidates[pick % candidates.length]!;
}

function setIn(target: Record<string, unknown>, alert: string, setting: string, value: unknown): void {
  const alerts = (target.alerts ??= {}) as Record<string, Record<string, unknown>>;
  alerts[alert] = { ...(alerts[alert] ?? {}), [setting]: value };
}

const PLANTERS: Record<string, Planter> = {
  'setting out of range (team file)': (project, pick) => {
    const setting = numbers[pick % numbers.length]!;
    const { file, team } = teamFile(project, pick);
    setIn(team, setting.alert, setting.setting, outOfRange(setting, pick));
    // A node alert override of a team without nodes is a second defect: give it a node.
    if (/^node/.test(setting.alert) && !team.nodes?.length) return undefined;
    return { name: '', project, file, key: `alerts.${setting.alert}.${setting.setting}`, lineHas: setting.setting };
  },
  'setting out of range (config)': (project, pick) => {
    const setting = numbers[pick % numbers.length]!;
    setIn(project.config, setting.alert, setting.setting, outOfRange(setting, pick));
    return {
      name: '',
      project,
      file: CONFIG,
      key: `alerts.${setting.alert}.${setting.setting}`,
      lineHas: setting.setting,
    };
  },
  'bad duration': (project, pick) => {
    const setting = durations[pick % durations.length]!;
    const { file, team } = teamFile(project, pick);
    if (/^node/.test(setting.alert) && !team.nodes?.length) return undefined;
    setIn(team, setting.alert, setting.setting, BAD_DURATIONS[pick % BAD_DURATIONS.length]);
    return { name: '', project, file, key: `alerts.${setting.alert}.${setting.setting}`, lineHas: setting.setting };
  },
  'bad duration (config)': (project, pick) => {
    const setting = durations[pick % durations.length]!;
    setIn(project.config, setting.alert, setting.setting, BAD_DURATIONS[pick % BAD_DURATIONS.length]);
    return {
      name: '',
      project,
      file: CONFIG,
      key: `alerts.${setting.alert}.${setting.setting}`,
      lineHas: setting.setting,
    };
  },
  'unknown severity': (project, pick) => {
    const setting = enums[pick % enums.length]!;
    const { file, team } = teamFile(project, pick);
    if (/^node/.test(setting.alert) && !team.nodes?.length) return undefined;
    setIn(team, setting.alert, setting.setting, ['page', 'CRITICAL', 'warn', ''][pick % 4]);
    return { name: '', project, file, key: `alerts.${setting.alert}.${setting.setting}`, lineHas: setting.setting };
  },
  'boolean as a string': (project, pick) => {
    const setting = booleans[pick % booleans.length]!;
    const { file, team } = teamFile(project, pick);
    if (/^node/.test(setting.alert) && !team.nodes?.length) return undefined;
    setIn(team, setting.alert, setting.setting, ['yes', 'false', 0][pick % 3]);
    return { name: '', project, file, key: `alerts.${setting.alert}.${setting.setting}`, lineHas: setting.setting };
  },
  'overlapping glob': (project, pick) => {
    const claims = [
      ...((project.config.teams as Team[] | undefined) ?? []),
      ...project.teamFiles.map((f) => f.team as Team),
    ].flatMap((team) => team.namespaces ?? []);
    if (claims.length === 0) {
      // Two teams: one team's own patterns may overlap (it owns each name once).
      lastTeamFile(project, '~overlap-a.yaml', { name: 'overlap-a', namespaces: ['dup-ns'] });
      const file = lastTeamFile(project, '~overlap.yaml', { name: 'overlap-x', namespaces: ['dup-*'] });
      return { name: '', project, file, key: 'namespaces.0', lineHas: 'dup-*' };
    }
    const claim = claims[pick % claims.length]!;
    const anchor = /^a\d+-/.exec(claim)?.[0] ?? /-k\d+$/.exec(claim)?.[0];
    const variants = [claim, instanceOf(claim, 'q'), anchor?.startsWith('a') ? `${anchor}*` : `*${anchor}`, '*'];
    const overlapping = variants[pick % variants.length]!;
    const file = lastTeamFile(project, '~overlap.yaml', { name: 'overlap-x', namespaces: [overlapping] });
    return { name: '', project, file, key: 'namespaces.0', lineHas: overlapping };
  },
  'reserved label': (project, pick) => {
    const label = RESERVED_LABELS[pick % RESERVED_LABELS.length]!;
    const { file, team } = teamFile(project, pick);
    team.labels = { ...(team.labels ?? {}), [label]: 'x' };
    return { name: '', project, file, key: `labels.${label}`, lineHas: label };
  },
  'label name Prometheus refuses': (project, pick) => {
    const label = ['bad-name', '0abc', '__meta', 'with space', 'dotted.name', 'ünï'][pick % 6]!;
    const { file, team } = teamFile(project, pick);
    team.labels = { ...(team.labels ?? {}), [label]: 'x' };
    return { name: '', project, file, key: `labels.${label}`, lineHas: label };
  },
  'label value with a template': (project, pick) => {
    const { file, team } = teamFile(project, pick);
    team.labels = { ...(team.labels ?? {}), fuzzed_label: ['{{ .Value }}', 'a}}b', '{{$labels.x}}'][pick % 3]! };
    return { name: '', project, file, key: 'labels.fuzzed_label', lineHas: 'fuzzed_label' };
  },
  'unknown key in a team file': (project, pick) => {
    const { file, team } = teamFile(project, pick);
    if (pick % 2 === 0) {
      team.namspaces = ['typo'];
      return { name: '', project, file, key: 'namspaces', lineHas: 'namspaces' };
    }
    setIn(team, 'containerMemoryNearLimit', 'treshold', 0.9);
    return { name: '', project, file, key: 'alerts.containerMemoryNearLimit.treshold', lineHas: 'treshold' };
  },
  'unknown key in the config': (project) => {
    project.config.alert = {};
    return { name: '', project, file: CONFIG, key: 'alert', lineHas: 'alert' };
  },
  'bad team name': (project, pick) => {
    const { file, team } = teamFile(project, pick);
    // Dashboards listed for the old name would be a second defect.
    const dashboards = (project.config.output as { dashboards?: { perTeam?: string[] } } | undefined)?.dashboards;
    if (dashboards?.perTeam) dashboards.perTeam = dashboards.perTeam.filter((name) => name !== team.name);
    team.name = ['Payments', 'team_a', '-lead', 'a'.repeat(27), ''][pick % 5]!;
    return { name: '', project, file, key: 'name', lineHas: 'name' };
  },
  'namespace that is no Kubernetes name': (project, pick) => {
    const { file, team } = teamFile(project, pick);
    const bad = ['Bad_NS', 'ns/evil', '-lead', 'x y', '.hidden'][pick % 5]!;
    team.namespaces = [...(team.namespaces ?? []), bad];
    return { name: '', project, file, key: `namespaces.${team.namespaces.length - 1}`, lineHas: bad.slice(1) };
  },
  'duplicate team name': (project, pick) => {
    const teams = [
      ...((project.config.teams as Team[] | undefined) ?? []),
      ...project.teamFiles.map((f) => f.team as Team),
    ];
    const name = teams[pick % teams.length]!.name;
    const file = lastTeamFile(project, '~duplicate.yaml', { name });
    return { name: '', project, file, key: 'name', lineHas: 'name' };
  },
  'cluster label that headroom sets': (project, pick) => {
    project.config.cluster = { label: RESERVED_LABELS[pick % RESERVED_LABELS.length] };
    return { name: '', project, file: CONFIG, key: 'cluster.label', lineHas: 'label' };
  },
  'selector that breaks out': (project, pick) => {
    const selector = [
      'job="x"} or vector(1) or up{',
      'job="kubelet",,',
      'job=~"("',
      '"job"="kubelet"',
      'job=kubelet',
      'job="x" or',
    ][pick % 6]!;
    const key = ['cadvisor', 'kubeStateMetrics', 'kubelet'][pick % 3]!;
    project.config.selectors = { ...((project.config.selectors as object | undefined) ?? {}), [key]: selector };
    return { name: '', project, file: CONFIG, key: `selectors.${key}`, lineHas: key };
  },
  'node alert override on a team without nodes': (project, pick) => {
    const alert = ALERT_SETTINGS.find((s) => /^node/.test(s.alert))?.alert;
    if (!alert) return undefined;
    const file = lastTeamFile(project, '~nodeless.yaml', {
      name: 'nodeless-x',
      alerts: { [alert]: { enabled: pick % 2 === 0 } },
    });
    return { name: '', project, file, key: `alerts.${alert}`, lineHas: alert };
  },
  'team routing without config routing': (project, pick) => {
    const { file, team } = teamFile(project, pick);
    if (project.config.routing) {
      team.routing = { receiver: ['', ' padded', 'a\nb', '{{ x }}'][pick % 4] };
      return { name: '', project, file, key: 'routing.receiver', lineHas: 'receiver' };
    }
    team.routing = { receiver: 'oncall' };
    return { name: '', project, file, key: 'routing', lineHas: 'routing' };
  },
};

export const DEFECT_NAMES = Object.keys(PLANTERS);

/** A valid project (a handful of teams) with one planted defect. */
export const invalidProjectArb: fc.Arbitrary<PlantedDefect> = fc
  .tuple(validProjectArb(), fc.constantFrom(...DEFECT_NAMES), fc.nat({ max: 1000 }))
  .map(([project, name, pick]) => {
    const planted = PLANTERS[name]!(clone(project), pick);
    return planted ? { ...planted, name } : undefined;
  })
  .filter((planted): planted is PlantedDefect => planted !== undefined);
