// doctor's report in the three formats of headroom's commands: text for a terminal, markdown for a CI comment, JSON
// for tools. Clusters in order, then the alerts in catalogue order, then each finding with its fixes.
import type { AlertReadiness, DoctorReport, Finding } from './findings.ts';

export type ReportFormat = 'text' | 'markdown' | 'json';

export function formatReport(report: DoctorReport, format: ReportFormat): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  return format === 'markdown' ? markdown(report) : text(report);
}

function clusterName(report: DoctorReport, cluster: string | undefined): string {
  if (report.clusterLabel === undefined) return 'the cluster';
  return cluster === undefined ? 'every cluster' : `${report.clusterLabel}="${cluster}"`;
}

function summary(report: DoctorReport): string {
  const blind = report.alerts.filter((alert) => alert.readiness === 'blind').length;
  const degraded = report.alerts.filter((alert) => alert.readiness === 'degraded').length;
  const state =
    blind > 0
      ? `${blind} alert(s) blind`
      : degraded > 0
        ? `every alert can fire, ${degraded} degraded`
        : 'every alert ready';
  return `${report.store}: ${state} (${report.queries} queries)`;
}

function loses(report: DoctorReport, alert: AlertReadiness): string[] {
  return report.findings
    .filter((finding) => finding.cluster === undefined || finding.cluster === alert.cluster)
    .flatMap((finding) => finding.degrades.filter((d) => d.alert === alert.alert).map((d) => d.loses));
}

function text(report: DoctorReport): string {
  const lines = [`headroom doctor: ${summary(report)}`];
  for (const cluster of report.clusters) {
    lines.push('', `${clusterName(report, cluster)}:`);
    for (const alert of report.alerts.filter((entry) => entry.cluster === cluster)) {
      const lost = alert.readiness === 'degraded' ? ` (loses ${[...new Set(loses(report, alert))].join('; ')})` : '';
      lines.push(`  ${alert.readiness.padEnd(9)} ${alert.alert}${lost}`);
    }
  }
  if (report.findings.length > 0) lines.push('', 'Findings:');
  for (const finding of report.findings) {
    lines.push(`- ${where(report, finding)}${finding.message}`);
    if (finding.blinds.length > 0) lines.push(`  blinds: ${finding.blinds.join(', ')}`);
    if (finding.degrades.length > 0) lines.push(`  degrades: ${degraded(finding)}`);
    for (const fix of finding.fixes) {
      lines.push(`  fix for ${fix.stack}: ${fix.why}`);
      lines.push(
        ...fix.snippet
          .trimEnd()
          .split('\n')
          .map((line) => `    ${line}`),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function markdown(report: DoctorReport): string {
  const lines = [`### headroom doctor: ${summary(report)}`, ''];
  const clusters = report.clusters.map((cluster) => inMarkdown(clusterName(report, cluster)).replaceAll('|', '\\|'));
  lines.push(`| alert | ${clusters.join(' | ')} |`, `| --- | ${clusters.map(() => '---').join(' | ')} |`);
  const names = [...new Set(report.alerts.map((alert) => alert.alert))];
  for (const name of names) {
    const cells = report.clusters.map(
      (cluster) => report.alerts.find((alert) => alert.alert === name && alert.cluster === cluster)?.readiness ?? '',
    );
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  for (const finding of report.findings) {
    lines.push('', `- ${inMarkdown(where(report, finding) + finding.message)}`);
    if (finding.blinds.length > 0) lines.push(`  **blinds:** ${finding.blinds.join(', ')}`);
    if (finding.degrades.length > 0) lines.push(`  **degrades:** ${inMarkdown(degraded(finding))}`);
    for (const fix of finding.fixes) {
      lines.push('', `  <details><summary>Fix for ${fix.stack}: ${inMarkdown(fix.why)}</summary>`, '');
      lines.push(`  \`\`\`${fix.language === 'yaml' ? 'yaml' : ''}`);
      lines.push(
        ...fix.snippet
          .trimEnd()
          .split('\n')
          .map((line) => `  ${line}`),
      );
      lines.push('  ```', '', '  </details>');
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Text as markdown shows it: no HTML (`<tenant>`), no emphasis (`container_spec_*`). */
function inMarkdown(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('*', '\\*');
}

/** `ContainerOOMKilled (loses …); PodsEvicted (loses …)`. */
function degraded(finding: Finding): string {
  return finding.degrades.map(({ alert, loses }) => `${alert} (loses ${loses})`).join('; ');
}

function where(report: DoctorReport, finding: Finding): string {
  return report.clusterLabel !== undefined && finding.cluster !== undefined
    ? `[${clusterName(report, finding.cluster)}] `
    : '';
}
