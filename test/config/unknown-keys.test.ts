// An unknown key under `alerts` that is an alert's name as it fires (ContainerOOMKilled) or another spelling of a
// setting key gets "did you mean …", in team files and in the config; other unknown keys keep the plain message.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, InputError } from '../../src/config/input-error.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { loadTeamFile } from '../../src/config/load-team-file.ts';
import { tempProject } from '../helpers/temp-project.ts';
import { joined } from '../helpers/regexp.ts';

const dir = mkdtempSync(join(tmpdir(), 'headroom-unknown-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function problems(load: () => unknown, folder: string): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof InputError)
      return error.problems.map((problem) => formatProblem(problem).replace(`${folder}/`, ''));
    throw error;
  }
  throw new Error('loaded without a problem');
}

function teamFileProblems(alerts: string): string[] {
  const file = join(dir, 'web.yaml');
  writeFileSync(file, `name: web\nnamespaces: [web]\nalerts:\n${alerts}\n`);
  return problems(() => loadTeamFile(file), dir);
}

async function configProblems(edit: (text: string) => string): Promise<string[]> {
  const project = tempProject('example');
  const text = project.read('headroom.config.ts');
  expect(edit(text)).not.toBe(text);
  project.write('headroom.config.ts', edit(text));
  const error = await loadConfig(join(project.dir, 'headroom.config.ts')).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof InputError)) throw new Error(`expected an InputError, got ${String(error)}`);
  return error.problems.map((problem) => formatProblem(problem).replace(`${project.dir}/`, ''));
}

describe('did you mean, for unknown keys under alerts', () => {
  it('ContainerOOMKilled (the alert name) in a team file: did you mean containerOOMKilled?', () => {
    expect(teamFileProblems('  ContainerOOMKilled: { window: 30m }')).toEqual([
      'web.yaml:4:3: alerts.ContainerOOMKilled: unknown key: did you mean containerOOMKilled?',
    ]);
  });

  it('other spellings of a key (container_oom_killed, CONTAINERMEMORYLEAK) and of a setting (Window)', () => {
    expect(
      teamFileProblems(
        '  container_oom_killed: { window: 30m }\n  CONTAINERMEMORYLEAK: { for: 1h }\n  podsEvicted: { Window: 30m }',
      ),
    ).toEqual([
      'web.yaml:6:18: alerts.podsEvicted.Window: unknown key: did you mean window?',
      'web.yaml:4:3: alerts.container_oom_killed: unknown key: did you mean containerOOMKilled?',
      'web.yaml:5:3: alerts.CONTAINERMEMORYLEAK: unknown key: did you mean containerMemoryLeak?',
    ]);
  });

  it('a key that is no alert, and an unknown key outside alerts: the plain message', () => {
    expect(teamFileProblems('  ContainerCPUThrottled: { for: 5m }')).toEqual([
      'web.yaml:4:3: alerts.ContainerCPUThrottled: unknown key (check the spelling; see docs/configuration.md and ' +
        'docs/team-files.md)',
    ]);
  });

  it("ContainerOOMKilled under the config's alerts and under an inline team's alerts", async () => {
    expect(
      await configProblems((text) =>
        text.replace("    containerOOMKilled: { window: '10m'", "    ContainerOOMKilled: { window: '10m'"),
      ),
    ).toEqual([
      expect.stringMatching(
        /^headroom\.config\.ts:8:5: alerts\.ContainerOOMKilled: unknown key: did you mean containerOOMKilled\?$/,
      ),
    ]);
    const inline =
      "teams: [{ name: 'platform', namespaces: ['kube-system'], alerts: { NodeMemoryPressure: { for: '5m' } }, ";
    expect(
      await configProblems((text) => text.replace("teams: [{ name: 'platform', namespaces: ['kube-system'], ", inline)),
    ).toEqual([
      expect.stringMatching(
        joined(
          /^headroom\.config\.ts:11:\d+: /,
          /teams\.0\.alerts\.NodeMemoryPressure: unknown key: did you mean nodeMemoryPressure\?$/,
        ),
      ),
    ]);
  });
});
