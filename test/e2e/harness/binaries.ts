// The server binaries of the end-to-end test, and how to install each one. A missing binary fails the run with the
// command that installs it; nothing is ever skipped.
import { existsSync } from 'node:fs';
import { PROMETHEUS_3 } from '../../../scripts/engines.ts';
import { REPO_ROOT } from '../../helpers/paths.ts';

interface Binary {
  path: string;
  install: string;
}

const SID_VM = `${REPO_ROOT}.tools/victoria-metrics/usr/bin`;

export const BINARIES = {
  prometheus: { path: PROMETHEUS_3.prometheus, install: PROMETHEUS_3.install },
  alertmanager: { path: '/usr/bin/prometheus-alertmanager', install: 'apt-get install prometheus-alertmanager' },
  victoriaMetricsBookworm: { path: '/usr/bin/victoria-metrics', install: 'apt-get install victoria-metrics' },
  vmalertBookworm: { path: '/usr/bin/vmalert', install: 'apt-get install victoria-metrics' },
  victoriaMetricsSid: { path: `${SID_VM}/victoria-metrics`, install: 'bash scripts/install-victoria-metrics.sh' },
  vmalertSid: { path: `${SID_VM}/vmalert`, install: 'bash scripts/install-victoria-metrics.sh' },
} satisfies Record<string, Binary>;

/** Throws, naming every missing binary and its install command. */
export function assertInstalled(binaries: readonly Binary[]): void {
  const missing = binaries.filter((binary) => !existsSync(binary.path));
  if (missing.length > 0) {
    throw new Error(
      `end-to-end test: missing ${missing.map((binary) => `${binary.path} (install: ${binary.install})`).join('; ')}`,
    );
  }
}
