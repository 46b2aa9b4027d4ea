// YAML as headroom writes it: no folded lines (PromQL stays greppable), block literals for multi-line strings.
// Strings are quoted wherever YAML 1.1 reads them as something else: kubectl (sigs.k8s.io/yaml) reads YAML 1.1, where
// a plain `yes`, `on` or `n` is a boolean, and refuses the object ("cannot unmarshal bool into ... of type string").
// YAML 1.2's `0o17` octal is added so that such a string is quoted too (YAML 1.1 alone would leave it plain).
import type { ScalarTag } from 'yaml';
import { yamlHeader } from './header.ts';
import { type StringifyOptions, yamlStringifier } from './yaml-stringifier.ts';

const YAML_1_2_OCTAL: ScalarTag = {
  tag: 'tag:yaml.org,2002:int',
  default: true,
  test: /^0o[0-7]+$/,
  identify: () => false,
  resolve: (text) => parseInt(text.slice(2), 8),
};

export const YAML_OPTIONS: StringifyOptions = {
  lineWidth: 0,
  blockQuote: 'literal',
  aliasDuplicateObjects: false,
  version: '1.1',
  customTags: (tags) => [...tags, YAML_1_2_OCTAL],
};

const stringify = yamlStringifier(YAML_OPTIONS);

export function yamlText(value: unknown): string {
  return yamlHeader() + stringify(value);
}
