// The warnings a reviewer sees first, from pairs of settings manifests: each fires on its case and not on its
// near miss.
import { describe, expect, it } from 'vitest';
import type { ManifestData, ManifestOwnerData } from '../../src/diff/read-manifest.ts';
import { patternCovers } from '../../src/values/name-pattern.ts';
import { reviewWarnings } from '../../src/diff/warnings.ts';
import { defaultAlerts, manifestData, ownerData } from './manifest-data.ts';

function team(
  namespaces: string[],
  changes: (owner: ManifestOwnerData) => void = () => {},
  nodes: string[] = [],
): ManifestOwnerData {
  const owner = ownerData(namespaces, { nodes });
  changes(owner);
  return owner;
}

const manifest = (teams: Record<string, ManifestOwnerData>, unclaimed = team([])) =>
  manifestData(teams, { defaults: defaultAlerts(), unclaimed });

const noRules = { oldAlerts: [], newAlerts: [] };
const messages = (old: ManifestData, current: ManifestData) =>
  reviewWarnings({ old, current, ...noRules }).map((w) => `${w.kind}: ${w.message}`);

describe('review warnings', () => {
  it('an alert no rule fires any more', () => {
    const warnings = reviewWarnings({
      old: undefined,
      current: undefined,
      oldAlerts: ['A', 'B', 'B'],
      newAlerts: ['B'],
    });
    expect(warnings).toEqual([{ kind: 'alert-removed', message: 'alert A removed: no rule fires it any more' }]);
  });

  it('an alert turned off for a team or for unclaimed namespaces, not one turned on', () => {
    const old = manifest({
      payments: team(['payments']),
      batch: team(['batch'], (o) => (o.alerts.containerMemoryNearLimit!.enabled = false)),
    });
    const current = manifest(
      { payments: team(['payments'], (o) => (o.alerts.containerOOMKilled!.enabled = false)), batch: team(['batch']) },
      team([], (o) => (o.alerts.nodeMemoryPressure!.enabled = false)),
    );
    expect(messages(old, current)).toEqual([
      'alert-removed: team payments: ContainerOOMKilled turned off',
      'alert-removed: unclaimed namespaces (team platform): NodeMemoryPressure turned off',
    ]);
  });

  it('a namespace moving to another team, and one left without an owner', () => {
    const old = manifest({ payments: team(['payments', 'payments-eu', 'legacy']), search: team(['search']) });
    const current = manifest({ payments: team(['payments']), search: team(['search', 'payments-*']) });
    expect(messages(old, current)).toEqual([
      'namespace-lost: team payments no longer owns namespace payments-eu: team search does now',
      'namespace-unowned: team payments no longer owns namespace legacy, and no other team does: its alerts go to ' +
        'team platform with the default settings',
    ]);
  });

  it('a removed team leaves its namespaces and nodes unowned; a glob narrowed to names leaves the rest unowned', () => {
    const old = manifest({ search: team(['search'], () => {}, ['search-pool-*']), batch: team(['batch-*']) });
    const current = manifest({ batch: team(['batch-1', 'batch-2']) });
    expect(messages(old, current)).toEqual([
      'namespace-unowned: team search no longer owns namespace search, and no other team does: its alerts go to team ' +
        'platform with the default settings',
      'namespace-unowned: team batch no longer owns namespaces matching batch-*: only batch-1 (team batch), batch-2 ' +
        '(team batch) still claimed, the others go to team platform with the default settings',
      'namespace-unowned: team search no longer owns nodes matching search-pool-*, and no other team does: its ' +
        'alerts go to team platform with the default settings',
    ]);
  });

  it('a glob narrowed to some names: which are still claimed, and that the rest is unowned', () => {
    const old = manifest({ payments: team(['payments-*']), search: team(['search']) });
    const current = manifest({ payments: team(['payments-eu']), search: team(['search', 'payments-us']) });
    expect(messages(old, current)).toEqual([
      'namespace-unowned: team payments no longer owns namespaces matching payments-*: only payments-eu (team ' +
        'payments), payments-us (team search) still claimed, the others go to team platform with the default settings',
    ]);
  });

  it('no ownership warning when a team widens its claim or rewrites it to an equal glob', () => {
    const old = manifest({ payments: team(['payments-eu', 'payments-us', 'checkout-?']) });
    const current = manifest({ payments: team(['payments-*', 'checkout-*']) });
    expect(messages(old, current)).toEqual([]);
  });

  it('a threshold raised above 95%, or a new team starting there; not 95% itself, not a lowered one', () => {
    const at = (threshold: number) => (o: ManifestOwnerData) =>
      (o.alerts.containerMemoryNearLimit!.threshold = threshold);
    const old = manifest({ a: team(['a'], at(0.9)), b: team(['b'], at(0.9)), c: team(['c'], at(0.99)) });
    const current = manifest({
      a: team(['a'], at(0.96)),
      b: team(['b'], at(0.95)),
      c: team(['c'], at(0.97)),
      d: team(['d'], at(0.98)),
    });
    expect(messages(old, current)).toEqual([
      'threshold-high: team a: ContainerMemoryNearLimit threshold raised from 90% to 96%, above 95%: little headroom ' +
        'is left to act before the OOM kill',
      'threshold-high: team d: ContainerMemoryNearLimit threshold is 98%, above 95%: little headroom is left to act ' +
        'before the OOM kill',
    ]);
  });

  it('a threshold above 95% of an alert turned off is no warning', () => {
    const old = manifest({ a: team(['a']) });
    const current = manifest({
      a: team(['a'], (o) => Object.assign(o.alerts.containerMemoryNearLimit!, { threshold: 0.99 })),
    });
    expect(messages(old, current)).toHaveLength(1);
    const off = manifest({
      a: team(['a'], (o) => Object.assign(o.alerts.containerMemoryNearLimit!, { threshold: 0.99, enabled: false })),
    });
    expect(messages(old, off)).toEqual(['alert-removed: team a: ContainerMemoryNearLimit turned off']);
  });

  it('a `for` raised above 30m, on any alert; not 30m itself, not 1h lowered to 45m', () => {
    const old = manifest({
      a: team(['a']),
      b: team(['b']),
      c: team(['c'], (o) => (o.alerts.containerMemoryNearLimit!.for = '1h')),
    });
    const current = manifest({
      a: team(['a'], (o) => (o.alerts.nodeMemoryPressure!.for = '1h')),
      b: team(['b'], (o) => (o.alerts.containerMemoryNearLimit!.for = '30m')),
      c: team(['c'], (o) => (o.alerts.containerMemoryNearLimit!.for = '45m')),
    });
    expect(messages(old, current)).toEqual([
      'for-long: team a: NodeMemoryPressure for raised from 2m to 1h, above 30m: the alert fires that long after the ' +
        'condition starts',
    ]);
  });

  it('settings warnings for everything no team claims too', () => {
    const current = manifest(
      {},
      team([], (o) => (o.alerts.containerMemoryNearLimit!.threshold = 0.99)),
    );
    expect(messages(manifest({}), current)).toEqual([
      'threshold-high: unclaimed namespaces (team platform): ContainerMemoryNearLimit threshold raised from 85% to ' +
        '99%, above 95%: little headroom is left to act before the OOM kill',
    ]);
  });

  it('pattern coverage is exact for globs', () => {
    expect(patternCovers('payments-*', 'payments-eu')).toBe(true);
    expect(patternCovers('payments-*', 'payments-e?')).toBe(true);
    expect(patternCovers('*', 'a*b')).toBe(true);
    expect(patternCovers('payments-?', 'payments-*')).toBe(false);
    expect(patternCovers('payments-eu', 'payments-*')).toBe(false);
    expect(patternCovers('a*', 'b*')).toBe(false);
    expect(patternCovers('*-eu', 'payments-*')).toBe(false);
  });
});
