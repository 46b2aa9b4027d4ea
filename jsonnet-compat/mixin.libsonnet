// headroom as a monitoring mixin (https://monitoring.mixins.dev): prometheusAlerts, prometheusRules and
// grafanaDashboards, served from what `headroom generate` wrote. The rules are generated from headroom.config.ts
// and teams/*.yaml; this file only reads them, so every setting is changed there, not here.
//
// Where the generated files come from: `mixin/headroom.libsonnet` of the output folder, found through the jsonnet
// library path. Run jsonnet with `-J <output folder>` (e.g. `jsonnet -J generated jsonnet-compat/alerts.jsonnet`),
// or override the import: (import 'mixin.libsonnet') + { _generated:: import 'path/to/generated/mixin/headroom.libsonnet' }.
//
// Alerts and rules: a rule group keeps all its rules, in order. headroom's alerts read series that recording
// rules of the same group write in the same evaluation (ratio, owners, thresholds); split across two groups, an
// alert would read them one evaluation late (not at all on the first), and the two halves would need new group
// names. So a group with at least one alerting rule is served whole under prometheusAlerts, and a group of
// recording rules only under prometheusRules. Their union is exactly the generated groups, which is what
// kube-prometheus' addMixin (and mixtool's combined output) put into one PrometheusRule.
local hasAlert(group) = std.length([rule for rule in group.rules if std.objectHas(rule, 'alert')]) > 0;

{
  local mixin = self,

  _generated:: import 'mixin/headroom.libsonnet',

  // The settings headroom generated with, under kubernetes-mixin's names (cadvisorSelector,
  // kubeStateMetricsSelector, runbookURLPattern). Read them freely; a different value here cannot change
  // generated rules, so the mixin refuses it and names the headroom.config.ts key to change instead.
  _config+:: mixin._generated.config,

  local changed = [
    key
    for key in std.objectFields(mixin._generated.config)
    if std.objectHas(mixin._config, key) && mixin._config[key] != mixin._generated.config[key]
  ],
  assert std.length(changed) == 0 : std.join('\n', [
    'headroom mixin: _config.%s is %s, but headroom generated the rules with %s. Set %s in headroom.config.ts and run `headroom generate` (or `headroom import-mixin-config`).'
    % [key, std.manifestJson(mixin._config[key]), std.manifestJson(mixin._generated.config[key]), mixin._generated.configKeys[key]]
    for key in changed
  ]),

  prometheusAlerts+:: { groups+: std.filter(hasAlert, mixin._generated.groups) },
  prometheusRules+:: { groups+: std.filter(function(group) !hasAlert(group), mixin._generated.groups) },
  grafanaDashboards+:: mixin._generated.dashboards,
}
