// YAML as headroom writes it: no folded lines (PromQL stays greppable), block literals for multi-line strings.
import { stringify } from 'yaml';
import { yamlHeader } from './header.ts';

export function yamlText(value: unknown): string {
  return yamlHeader() + stringify(value, { lineWidth: 0, blockQuote: 'literal', aliasDuplicateObjects: false });
}
