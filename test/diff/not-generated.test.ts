// An input declared absent (`inputs.absent`) holds back the alerts that need it: diff says so once per alert, with
// the series, among the warnings and the settings, instead of every team's setting turning off without a reason; and
// says when the declaration goes and they are generated again.
import { describe, expect, it } from 'vitest';
import { tempProject } from '../helpers/temp-project.ts';
import { diffOfChange } from './in-process-diff.ts';

const declare = (text: string, metrics: string) =>
  text.replace("defaultTeam: 'platform',", `defaultTeam: 'platform',\n  inputs: { absent: [${metrics}] },`);

/** The lines before the rules (or the files, where no rule changed): warnings and settings. */
const summaryLines = (lines: string[]) =>
  lines.slice(
    0,
    lines.findIndex((line) => line === 'Rules' || line === 'Files'),
  );

describe('headroom diff of inputs.absent', () => {
  // ContainerOOMKilled reads the OOM events as evidence only: generated without them, so not named.
  it('a series declared absent: the alerts needing it are not generated, said once each with it', async () => {
    const project = tempProject('example');
    const { lines, report } = await diffOfChange(project.dir, () =>
      project.write('headroom.config.ts', declare(project.read('headroom.config.ts'), "'container_oom_events_total'")),
    );
    expect(summaryLines(lines)).toEqual([
      expect.stringMatching(/^headroom diff old → new: 0 teams, \d+ rules, 0 dashboards changed/),
      '',
      'Warnings',
      '! alert ContainerProcessOOMKilled removed: not generated, for any team, as it needs ' +
        'container_oom_events_total, declared absent (inputs.absent)',
      '',
      'Teams and settings',
      'config: inputs.absent (none) → ["container_oom_events_total"]',
      'ContainerProcessOOMKilled: not generated, for any team: it needs container_oom_events_total, declared absent ' +
        '(inputs.absent)',
      '',
    ]);
    expect(report.settings?.notGenerated).toEqual([
      { alert: 'ContainerProcessOOMKilled', status: 'held-back', needs: ['container_oom_events_total'] },
    ]);
  });

  it('the declaration removed: generated again, without every team turning them on', async () => {
    const project = tempProject('example');
    project.write('headroom.config.ts', declare(project.read('headroom.config.ts'), "'kube_pod_status_phase'"));
    const { lines } = await diffOfChange(project.dir, () =>
      project.write('headroom.config.ts', project.read('headroom.config.ts').replace(/\n {2}inputs: .*,/, '')),
    );
    expect(summaryLines(lines).slice(2)).toEqual([
      'Teams and settings',
      'config: inputs.absent ["kube_pod_status_phase"] → (none)',
      'PodsEvicted: generated again: kube_pod_status_phase no longer declared absent',
      '',
    ]);
  });

  it('an alert held back that every team then turns off: no longer held back, and off', async () => {
    const project = tempProject('example');
    project.write('headroom.config.ts', declare(project.read('headroom.config.ts'), "'kube_pod_status_phase'"));
    const { lines } = await diffOfChange(project.dir, () =>
      project.write(
        'headroom.config.ts',
        project.read('headroom.config.ts').replace('alerts: {', 'alerts: {\n    podsEvicted: { enabled: false },'),
      ),
    );
    expect(summaryLines(lines).slice(2)).toEqual([
      'Teams and settings',
      'PodsEvicted: no longer held back by inputs.absent (kube_pod_status_phase), but off for every team',
      '',
    ]);
  });
});
