// Routing settings refused where they would lose alerts or corrupt the output: file:line:col, exit 2, nothing written.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { tempProject } from '../helpers/temp-project.ts';
import { joined } from '../helpers/regexp.ts';

async function generateIn(dir: string) {
  const result = await runCli(['generate', '--config', 'headroom.config.ts', '--out', 'out'], dir);
  return { ...result, wrote: existsSync(join(dir, 'out')) };
}

describe('routing input', () => {
  const badNames: [string, string, RegExp][] = [
    [
      'a newline',
      'receiver: "payments\\noncall"',
      /routing\.receiver: must not contain newlines or other control characters/,
    ],
    [
      'a control character',
      'receiver: "pay\\u0007ments"',
      /routing\.receiver: must not contain newlines or other control characters/,
    ],
    ['a template', 'receiver: "{{ .Labels.team }}"', /routing\.receiver: must not contain \{\{/],
    ['nothing', 'receiver: ""', /routing\.receiver: must not be empty/],
    ['a leading space', 'ticketReceiver: " tickets"', /routing\.ticketReceiver: must not start or end with spaces/],
    ['an unknown key', 'slackChannel: "#payments"', /routing\.slackChannel: unknown key/],
  ];
  for (const [what, routing, message] of badNames) {
    it(`refuses a receiver name with ${what} in a team file, at its line and column`, async () => {
      const project = tempProject('routing');
      project.write('teams/payments.yaml', `name: payments\nnamespaces: [payments]\nrouting:\n  ${routing}\n`);
      const result = await generateIn(project.dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`teams/payments\\.yaml:4:3: ${message.source}`));
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.wrote).toBe(false);
    });
  }

  it('refuses a team routing while the config has no routing (nothing would route it)', async () => {
    const project = tempProject('routing');
    project.edit('headroom.config.ts', / {2}routing: \{[\s\S]*?\n {2}\},\n {2}teams:/, '  teams:');
    expect(project.read('headroom.config.ts')).not.toMatch(/defaultReceiver/);
    const result = await generateIn(project.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/teams\/payments\.yaml:4:1: routing: is set but the config has no `routing`/);
    expect(result.stderr).toMatch(/teams\/search\.yaml:5:1: routing: is set but the config has no `routing`/);
    expect(result.wrote).toBe(false);
  });

  it('refuses, for AlertmanagerConfig objects, a receiver without integrations (it would notify nobody)', async () => {
    const project = tempProject('routing');
    project.write(
      'teams/payments.yaml',
      'name: payments\nnamespaces: [payments]\nrouting: { receiver: payments-oncall, ticketReceiver: nowhere }\n',
    );
    project.edit('headroom.config.ts', "defaultReceiver: 'platform-oncall'", "defaultReceiver: 'platform-typo'");
    const result = await generateIn(project.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      joined(
        /headroom\.config\.ts:9:\d+: routing\.defaultReceiver: /,
        /receiver "platform-typo" has no entry in routing\.alertmanagerConfig\.receivers/,
      ),
    );
    expect(result.stderr).toMatch(
      /teams\/payments\.yaml:3:\d+: routing\.ticketReceiver: receiver "nowhere" has no entry/,
    );
    expect(result.wrote).toBe(false);
  });

  it(
    'accepts any other receiver name Alertmanager accepts (spaces, unicode, punctuation) and writes it quoted where ' +
      'YAML needs it',
    async () => {
      const project = tempProject('routing');
      project.write(
        'teams/payments.yaml',
        'name: payments\nnamespaces: [payments]\nrouting: { receiver: "Zahlungen: Bereitschaft #1 ü \' \\" }" }\n',
      );
      project.edit('headroom.config.ts', 'enabled: true,\n      namespace', 'enabled: false,\n      namespace');
      const result = await generateIn(project.dir);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(project.read('out/alertmanager/routes.yaml')).toContain(
        'receiver: "Zahlungen: Bereitschaft #1 ü \' \\" }"',
      );
    },
  );
});
