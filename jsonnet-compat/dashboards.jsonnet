// What `mixtool generate dashboards mixin.libsonnet` writes: file name → dashboard.
// jsonnet -J generated jsonnet-compat/dashboards.jsonnet            (one object)
// mkdir -p out && jsonnet -J generated -m out jsonnet-compat/dashboards.jsonnet    (one file per dashboard, as mixtool does)
(import 'mixin.libsonnet').grafanaDashboards
