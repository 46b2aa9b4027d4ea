// Overview, with ownership by namespace label: namespaces whose label names no team. Their alerts go to the default
// team until someone fixes the label or adds the team; the table says which value to look for.
import type { Model } from '../../model/model.ts';
import { selector } from '../../promql/index.ts';
import { namespaceKey } from '../../rules/keys.ts';
import { NAMESPACE_OWNER_UNKNOWN } from '../../rules/record-names.ts';
import { clusterMatchers } from '../clusters.ts';
import { row, tablePanel, tableQuery } from '../common.ts';
import type { Section } from '../section.ts';
import { variableMatcher } from '../variables.ts';

export function unknownOwnersSection(model: Model): Section[] {
  if (!model.namespaceOwnerLabel) return [];
  const unknown = selector(
    NAMESPACE_OWNER_UNKNOWN,
    ...clusterMatchers(model),
    variableMatcher('namespace', 'namespace'),
  );
  const columns = [...namespaceKey(model), 'owner_label'];
  return [
    {
      row: row(600, 'Namespace ownership'),
      panels: [
        tablePanel(601, 'Namespaces whose owner label names no team', 'namespace', false)
          .description(
            `The namespace label read as ${model.namespaceOwnerLabel} names no team: the namespace goes to the ` +
              `default team (${model.defaultTeam}). Fix the label, or add the team.`,
          )
          .withTarget(tableQuery('A', unknown))
          .transformations([
            {
              id: 'organize',
              options: {
                excludeByName: { Time: true, Value: true, __name__: true },
                indexByName: Object.fromEntries(columns.map((name, i) => [name, i])),
                renameByName: { owner_label: 'owner label value' },
              },
            },
          ]),
      ],
    },
  ];
}
