// label_replace values read back from printed PromQL: what an ownership rule sets `owner` to, quoting and nesting
// included, and nothing from other labels or other functions.
import { describe, expect, it } from 'vitest';
import { binary, by, group, labelReplace, labelReplaceValues, print, selector } from '../../src/promql/index.ts';

describe('labelReplaceValues', () => {
  it('reads the value each label_replace gives the label, in order, however the text is laid out', () => {
    const claims = (team: string) => labelReplace(group(by(['namespace']), selector('seen')), 'owner', team);
    const expr = binary(
      labelReplace(binary(claims('payments'), 'or', claims('search "eu"\\1'), 'lines'), 'claim', 'file'),
      'or',
      labelReplace(selector('other'), 'owner', '$1', 'label_team', '(.*)'),
      'lines',
    );
    expect(print(expr)).toContain('\n');
    expect(labelReplaceValues(print(expr), 'owner')).toEqual(['payments', 'search "eu"\\1', '$1']);
    expect(labelReplaceValues(print(expr), 'claim')).toEqual(['file']);
    expect(labelReplaceValues(print(selector('up')), 'owner')).toEqual([]);
  });
});
