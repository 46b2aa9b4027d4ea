// `headroom diff` says when a team's alerts go elsewhere: the settings manifest states each team's effective
// receivers (fallbacks resolved), so a change of a team file, of the config's default, or a new team shows.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { tempProject, type TempProject } from '../helpers/temp-project.ts';

async function diffAfter(change: (project: TempProject) => void): Promise<string[]> {
  const project = tempProject('routing');
  expect((await runCli(['generate', '--out', 'old'], project.dir)).stderr).toBe('');
  change(project);
  const generated = await runCli(['generate', '--out', 'new'], project.dir);
  expect(generated.stderr).toBe('');
  const result = await runCli(['diff', 'old', 'new', '--exit-code'], project.dir);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(1);
  return result.stdout.split('\n').map((line) => line.trim());
}

describe('headroom diff of routing', () => {
  it("names the team whose receiver changed, and the AlertmanagerConfig object's change", async () => {
    const lines = await diffAfter((project) => {
      project.edit('teams/search.yaml', 'receiver: search-oncall', 'receiver: platform-oncall');
    });
    expect(lines).toContain(
      'team search: receiver search-oncall → platform-oncall, ticketReceiver search-oncall → platform-oncall',
    );
    expect(lines.some((line) => line.includes('alertmanager/alertmanager-config-search.yaml'))).toBe(true);
  });

  it('shows a team that has no routing of its own following a new default receiver', async () => {
    const lines = await diffAfter((project) => {
      const config = project.read('headroom.config.ts').replaceAll("'platform-oncall'", "'platform-pager'");
      project.write('headroom.config.ts', config);
    });
    expect(lines).toContain(
      'team batch: receiver platform-oncall → platform-pager, ticketReceiver platform-oncall → platform-pager',
    );
    // The default team's route is where everything no team claims goes, and alerts no team route matches.
    expect(lines).toContain(
      'unclaimed namespaces (team platform): receiver platform-oncall → platform-pager, ticketReceiver ' +
        'platform-oncall → platform-pager',
    );
    // payments names its own receiver: unchanged.
    expect(lines.filter((line) => line.startsWith('team payments'))).toEqual([]);
  });

  it('shows a ticket receiver added to a team', async () => {
    const lines = await diffAfter((project) => {
      project.edit(
        'teams/search.yaml',
        'receiver: search-oncall',
        'receiver: search-oncall, ticketReceiver: platform-oncall',
      );
    });
    // Before, its info alerts went to its receiver.
    expect(lines).toContain('team search: ticketReceiver search-oncall → platform-oncall');
  });
});
