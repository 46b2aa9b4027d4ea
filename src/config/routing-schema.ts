// Where alerts go: the receivers of Alertmanager routes, per team and for the whole config.
import { z } from 'zod';
import { hasControlCharacter } from '../values/control-characters.ts';
import { kubernetesLabels, kubernetesNamespace } from '../values/kubernetes-names.ts';

/**
 * An Alertmanager receiver, by name only: its integrations (Slack webhook, PagerDuty key) stay in the user's
 * Alertmanager, never in generated files. Alertmanager takes any non-empty name; these are refused because they
 * would break the YAML line or read as a template where the name is echoed.
 */
const receiverName = z
  .string()
  .min(1, { message: 'must not be empty (the name of a receiver in your Alertmanager)' })
  .max(200, { message: 'must be at most 200 characters' })
  .refine((name) => !hasControlCharacter(name), { message: 'must not contain newlines or other control characters' })
  .refine((name) => !name.includes('{{'), { message: 'must not contain {{ (read as a template)' })
  .refine((name) => name.trim() === name, { message: 'must not start or end with spaces' })
  .meta({
    description:
      'The name of a receiver defined in your Alertmanager (its Slack channel, PagerDuty key and so on stay there)',
  });

/** Where a team's alerts go; unset keys fall back to the config's routing. */
export const teamRouting = z
  .strictObject({
    receiver: receiverName
      .optional()
      .meta({ description: "Receiver of the team's alerts; unset: routing.defaultReceiver of the config" }),
    ticketReceiver: receiverName.optional().meta({
      description:
        'Receiver of the team\'s severity="info" alerts; unset: routing.ticketReceiver of the config, else `receiver`',
    }),
  })
  .meta({ description: "Alertmanager receivers of the team's alerts (names only); needs `routing` in the config" });

/** The Alertmanager routing headroom writes from the teams' `routing`. */
export const routingConfig = z
  .strictObject({
    defaultReceiver: receiverName.meta({
      description:
        "Receiver of the default team's alerts (unowned namespaces and nodes) and of every team that names none; the " +
        'fallback of the route tree',
    }),
    ticketReceiver: receiverName.optional().meta({
      description: 'Receiver of severity="info" alerts of teams that name no ticketReceiver; unset: their receiver',
    }),
    routeFile: z
      .strictObject({
        enabled: z
          .boolean()
          .default(true)
          .meta({ description: 'alertmanager/routes.yaml: a `route:` tree for a hand-kept alertmanager.yml' }),
      })
      .prefault({}),
    alertmanagerConfig: z
      .strictObject({
        enabled: z.boolean().default(false).meta({
          description: 'prometheus-operator AlertmanagerConfig objects (monitoring.coreos.com/v1alpha1), one per team',
        }),
        namespace: kubernetesNamespace.default('monitoring').meta({
          description:
            "The Alertmanager's own namespace; its alertmanagerConfigMatcherStrategy must be " +
            'OnNamespaceExceptForAlertmanagerNamespace (or None)',
        }),
        labels: kubernetesLabels
          .default({})
          .meta({ description: "Metadata labels, for the Alertmanager's alertmanagerConfigSelector" }),
        receivers: z
          .record(receiverName, z.record(z.string(), z.unknown()))
          .default({})
          .meta({
            description:
              'Every receiver the objects name → its AlertmanagerConfig receiver spec without `name` (slackConfigs, ' +
              'pagerdutyConfigs, … with Secret references, never secret values)',
          }),
      })
      .prefault({}),
  })
  .meta({
    description:
      'Route alerts to teams: an Alertmanager route tree and/or AlertmanagerConfig objects matching the `team` label',
  });
