// What `mixtool generate alerts mixin.libsonnet` prints: a rule file of the groups holding alerting rules.
// jsonnet -J generated jsonnet-compat/alerts.jsonnet
(import 'mixin.libsonnet').prometheusAlerts
