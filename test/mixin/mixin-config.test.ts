// The mixin's `_config` shows the settings headroom generated with under kubernetes-mixin's names, and refuses a
// different value (it cannot change generated rules) with the headroom.config.ts key to change instead.
// @module-tag spawns (jsonnet)
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.ts';
import { jsonnet, JSONNET_COMPAT } from './jsonnet.ts';

const GENERATED = join(REPO_ROOT, 'generated');
const withMixin = (overrides: string, expression: string) =>
  jsonnet([
    '-J',
    GENERATED,
    '-J',
    JSONNET_COMPAT,
    '-e',
    `local m = (import 'mixin.libsonnet') + ${overrides}; ${expression}`,
  ]);

describe('mixin _config', () => {
  it("holds headroom's selectors and runbook pattern under kubernetes-mixin's names", () => {
    const result = withMixin('{}', 'm._config');
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      cadvisorSelector: 'job="kubelet", metrics_path="/metrics/cadvisor"',
      kubeStateMetricsSelector: 'job="kube-state-metrics"',
      runbookURLPattern: 'https://runbooks.example.com/headroom/%s',
    });
  });

  it('accepts the same values and keys headroom does not know', () => {
    const result = withMixin(
      `{ _config+:: { kubeStateMetricsSelector: 'job="kube-state-metrics"', kubeletSelector: 'job="kubelet"' } }`,
      'm.prometheusAlerts.groups[0].name',
    );
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toBe('headroom-container-memory');
  });

  it('refuses a different value and names the headroom.config.ts key', () => {
    const result = withMixin(`{ _config+:: { cadvisorSelector: 'job="cadvisor"' } }`, 'm.prometheusAlerts');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      '_config.cadvisorSelector is "job=\\"cadvisor\\"", but headroom generated the rules with',
    );
    expect(result.stderr).toContain('Set selectors.cadvisor in headroom.config.ts');
  });
});

describe('where the mixin finds the generated files', () => {
  it('says what is missing when the output folder is not on the library path', () => {
    const result = jsonnet([join(JSONNET_COMPAT, 'alerts.jsonnet')]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('couldn\'t open import "mixin/headroom.libsonnet"');
  });

  it('takes an explicit _generated import instead of -J', () => {
    const index = join(GENERATED, 'mixin', 'headroom.libsonnet');
    const result = jsonnet([
      '-J',
      JSONNET_COMPAT,
      '-e',
      `((import 'mixin.libsonnet') + { _generated:: import '${index}' }).prometheusAlerts.groups[0].name`,
    ]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toBe('headroom-container-memory');
  });
});
