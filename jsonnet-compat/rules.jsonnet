// What `mixtool generate rules mixin.libsonnet` prints: a rule file of the groups of recording rules only
// (groups that mix both stay whole in alerts.jsonnet; see mixin.libsonnet).
// jsonnet -J generated jsonnet-compat/rules.jsonnet
(import 'mixin.libsonnet').prometheusRules
