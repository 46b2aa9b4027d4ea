// A team: what it owns (namespaces, nodes, in which clusters), the labels on its alerts, its alert overrides and
// where its alerts go. A team file holds one; the config may list them inline too.
import { z } from 'zod';
import { alertOverridesSchema } from '../alerts/catalogue.ts';
import { namespacePattern, nodePattern } from '../values/claim-pattern.ts';
import { labelNameSetting } from '../values/label-name.ts';
import { teamLabelValue } from '../values/label-value.ts';
import { teamRouting } from './routing-schema.ts';

export const teamName = z.string().regex(/^[a-z0-9]([a-z0-9-]{0,24}[a-z0-9])?$/, {
  message: 'must be 1 to 26 lowercase letters, digits and dashes (it names the team dashboard)',
});

/**
 * A cluster name or a glob of one, as the cluster label's values are written (any label value but `*`/`?` wildcards).
 */
const clusterPattern = z.string().regex(/^[A-Za-z0-9_.:*?-]+$/, {
  message: 'must be a cluster name or a glob of one (letters, digits, _ . : -, `*` any run, `?` one character)',
});

export const teamSchema = z
  .strictObject({
    name: teamName.meta({
      description:
        'Team name: the `team` label of its alerts and, with a dashboard of its own, its uid; 1 to 26 lowercase ' +
        'letters, digits and dashes',
    }),
    namespaces: z
      .array(namespacePattern)
      .default([])
      .meta({ description: 'Namespaces the team owns: exact names or globs' }),
    nodes: z
      .array(nodePattern)
      .default([])
      .meta({
        description:
          'Nodes the team owns (dedicated node pools): exact names or globs; node alerts (NodeMemoryPressure, ' +
          'NodeMemoryEvictions) follow them, and their overrides need them',
      }),
    clusters: z
      .array(clusterPattern)
      .default([])
      .meta({
        description:
          'Clusters where the claim and the overrides hold (exact names or globs); empty: every cluster. Needs ' +
          '`cluster` in the config',
      }),
    labels: z
      .record(labelNameSetting('team label'), teamLabelValue)
      .default({})
      .meta({
        description:
          'Extra labels on every alert of the team (e.g. slack_channel); names headroom uses itself (team, severity, ' +
          'namespace, headroom_*, …) are refused',
      }),
    alerts: alertOverridesSchema.default({}).meta({ description: 'Overrides of the default alert settings' }),
    routing: teamRouting.optional(),
  })
  .meta({
    title: 'headroom team file',
    description: 'One team: what it owns and how its alerts differ from the defaults',
  });

export type TeamInput = z.input<typeof teamSchema>;
export type Team = z.output<typeof teamSchema>;
