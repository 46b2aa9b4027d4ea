// The two Prometheus engines headroom is proven on: the system's 2.42 (Debian bookworm's `prometheus` package) and
// 3.5.3 (Debian sid's, unpacked into .tools/prometheus-3 by scripts/install-prometheus-3.sh). Tests and the bench
// read the binaries' paths from here. 3.x range selectors are left-open, which moves some results by one step.
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Engine {
  /** How tests and reports name the engine. */
  name: string;
  /** Scenario items marked `# engine: <major>` run on this engine only (see test/helpers/engine-scenario.ts). */
  major: number;
  /** What `promtool --version` and `prometheus --version` must report. */
  version: string;
  promtool: string;
  prometheus: string;
  /** The command that installs it, for the message when it is missing. */
  install: string;
}

export const PROMETHEUS_2: Engine = {
  name: 'Prometheus 2.42',
  major: 2,
  version: '2.42.0',
  promtool: '/usr/bin/promtool',
  prometheus: '/usr/bin/prometheus',
  install: 'apt-get install prometheus',
};

export const PROMETHEUS_3: Engine = {
  name: 'Prometheus 3.5',
  major: 3,
  version: '3.5.3',
  promtool: `${PROJECT_ROOT}.tools/prometheus-3/usr/bin/promtool`,
  prometheus: `${PROJECT_ROOT}.tools/prometheus-3/usr/bin/prometheus`,
  install: 'bash scripts/install-prometheus-3.sh',
};

export const ENGINES: readonly Engine[] = [PROMETHEUS_2, PROMETHEUS_3];
