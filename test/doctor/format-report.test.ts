// doctor's report of a known set of findings in its three formats: text for a terminal, markdown for a CI comment
// (the table of alerts per cluster, each fix folded), JSON as the report itself.
import { describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../src/doctor/findings.ts';
import { formatReport } from '../../src/doctor/format-report.ts';

const REPORT: DoctorReport = {
  store: 'https://mimir.example/prometheus',
  clusterLabel: 'cluster',
  clusters: ['eu-1', 'us|2'],
  alerts: [
    { alert: 'ContainerOOMKilled', cluster: 'eu-1', readiness: 'degraded' },
    { alert: 'PodMemoryNearLimit', cluster: 'eu-1', readiness: 'blind' },
    { alert: 'ContainerOOMKilled', cluster: 'us|2', readiness: 'ready' },
    { alert: 'PodMemoryNearLimit', cluster: 'us|2', readiness: 'ready' },
  ],
  findings: [
    {
      check: 'series',
      cluster: 'eu-1',
      subject: 'container_spec_memory_limit_bytes (pod cgroup)',
      message: 'no container_spec_memory_limit_bytes (pod cgroup) series matching the cadvisor selector',
      blinds: ['PodMemoryNearLimit'],
      degrades: [],
      fixes: [
        {
          stack: 'kube-prometheus-stack',
          why: 'it drops every container_spec_* series',
          snippet: 'kubelet:\n  serviceMonitor: {}\n',
          language: 'yaml',
        },
      ],
    },
    {
      check: 'series',
      cluster: 'eu-1',
      subject: 'kube_pod_container_status_last_terminated_exitcode',
      message: 'no kube_pod_container_status_last_terminated_exitcode series; 2 restarted containers should have one',
      blinds: [],
      degrades: [{ alert: 'ContainerOOMKilled', loses: 'the kills reported as Error with exit code 137' }],
      fixes: [{ stack: 'kube-state-metrics', why: 'run 2.7 or later', snippet: 'image: v2.20.0\n', language: 'text' }],
    },
    {
      check: 'series',
      cluster: undefined,
      subject: 'every input',
      message: 'a tenant is needed: --header "X-Scope-OrgID: <tenant>"',
      blinds: [],
      degrades: [],
      fixes: [],
    },
  ],
  queries: 42,
};

describe('the doctor report', () => {
  it('text: the summary, each cluster’s alerts (what a degraded one loses), each finding with its fixes', () => {
    expect(formatReport(REPORT, 'text')).toBe(
      [
        'headroom doctor: https://mimir.example/prometheus: 1 alert(s) blind (42 queries)',
        '',
        'cluster="eu-1":',
        '  degraded  ContainerOOMKilled (loses the kills reported as Error with exit code 137)',
        '  blind     PodMemoryNearLimit',
        '',
        'cluster="us|2":',
        '  ready     ContainerOOMKilled',
        '  ready     PodMemoryNearLimit',
        '',
        'Findings:',
        '- [cluster="eu-1"] no container_spec_memory_limit_bytes (pod cgroup) series matching the cadvisor selector',
        '  blinds: PodMemoryNearLimit',
        '  fix for kube-prometheus-stack: it drops every container_spec_* series',
        '    kubelet:',
        '      serviceMonitor: {}',
        '- [cluster="eu-1"] no kube_pod_container_status_last_terminated_exitcode series; 2 restarted containers ' +
          'should have one',
        '  degrades: ContainerOOMKilled (loses the kills reported as Error with exit code 137)',
        '  fix for kube-state-metrics: run 2.7 or later',
        '    image: v2.20.0',
        '- a tenant is needed: --header "X-Scope-OrgID: <tenant>"',
        '',
      ].join('\n'),
    );
  });

  it(
    'markdown: a table of alerts per cluster, each finding with its fixes folded, ' +
      'nothing read as HTML or emphasis',
    () => {
      expect(formatReport(REPORT, 'markdown')).toBe(
        [
          '### headroom doctor: https://mimir.example/prometheus: 1 alert(s) blind (42 queries)',
          '',
          '| alert | cluster="eu-1" | cluster="us\\|2" |',
          '| --- | --- | --- |',
          '| ContainerOOMKilled | degraded | ready |',
          '| PodMemoryNearLimit | blind | ready |',
          '',
          '- [cluster="eu-1"] no container_spec_memory_limit_bytes (pod cgroup) series matching the cadvisor selector',
          '  **blinds:** PodMemoryNearLimit',
          '',
          '  <details><summary>Fix for kube-prometheus-stack: it drops every container_spec_\\* series</summary>',
          '',
          '  ```yaml',
          '  kubelet:',
          '    serviceMonitor: {}',
          '  ```',
          '',
          '  </details>',
          '',
          '- [cluster="eu-1"] no kube_pod_container_status_last_terminated_exitcode series; 2 restarted containers ' +
            'should have one',
          '  **degrades:** ContainerOOMKilled (loses the kills reported as Error with exit code 137)',
          '',
          '  <details><summary>Fix for kube-state-metrics: run 2.7 or later</summary>',
          '',
          '  ```',
          '  image: v2.20.0',
          '  ```',
          '',
          '  </details>',
          '',
          '- a tenant is needed: --header "X-Scope-OrgID: &lt;tenant&gt;"',
          '',
        ].join('\n'),
      );
    },
  );

  it('json: the report itself, indented, one trailing newline', () => {
    const json = formatReport(REPORT, 'json');
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(REPORT)));
    expect(json.endsWith('}\n')).toBe(true);
  });
});
