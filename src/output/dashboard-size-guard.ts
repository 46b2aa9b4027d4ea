// Size limits an object meets on its way into a cluster, checked before anything is written: the API server rejects
// a ConfigMap whose data exceeds 1 MiB and any object over etcd's 1.5 MiB, and client-side `kubectl apply` copies the
// whole object into the kubectl.kubernetes.io/last-applied-configuration annotation, which may hold 262,144 bytes.
import type { Problem } from '../config/input-error.ts';

export const CONFIGMAP_DATA_LIMIT = 1024 * 1024;
export const LAST_APPLIED_LIMIT = 262_144;
/** etcd's default request limit, which bounds every object however it is applied. */
const ETCD_OBJECT_LIMIT = 1_572_864;

const SPLIT =
  'split the dashboard (fewer panels per dashboard) or shorten long settings such as links.runbookUrlPattern';

/** A ConfigMap's data (keys and values) against the 1 MiB the API server accepts. */
export function configMapDataProblems(path: string, data: Record<string, string>): Problem[] {
  const bytes = Object.entries(data).reduce(
    (sum, [key, value]) => sum + Buffer.byteLength(key) + Buffer.byteLength(value),
    0,
  );
  if (bytes <= CONFIGMAP_DATA_LIMIT) return [];
  return [
    {
      file: path,
      key: 'output.dashboards.configMap',
      message:
        `the ConfigMap's data is ${bytes} bytes, over the ${CONFIGMAP_DATA_LIMIT} bytes (1 MiB) the API ` +
        `server accepts: ${SPLIT}`,
    },
  ];
}

/**
 * An object against the annotation client-side `kubectl apply` writes (`serverSideApply` users have none) and against
 * etcd's limit; `setting` is the config key that says the objects are applied server-side, `split` what else helps
 * (a function: worked out only for an object too big).
 */
export function lastAppliedProblems(
  path: string,
  key: string,
  object: unknown,
  serverSideApply: boolean,
  { setting, split: splitAdvice }: { setting: string; split: string | (() => string) } = {
    setting: 'output.dashboards.serverSideApply',
    split: SPLIT,
  },
): Problem[] {
  const split = () => (typeof splitAdvice === 'string' ? splitAdvice : splitAdvice());
  const bytes = Buffer.byteLength(JSON.stringify(object));
  if (bytes > ETCD_OBJECT_LIMIT) {
    return [
      {
        file: path,
        key,
        message: `the object is ${bytes} bytes, over the ${ETCD_OBJECT_LIMIT} bytes (1.5 MiB) etcd stores: ${split()}`,
      },
    ];
  }
  if (serverSideApply || bytes <= LAST_APPLIED_LIMIT) return [];
  return [
    {
      file: path,
      key,
      message:
        `the object is ${bytes} bytes, over the ${LAST_APPLIED_LIMIT} bytes client-side \`kubectl apply\` can keep ` +
        `in its ` +
        'last-applied-configuration annotation: apply server-side (`kubectl apply --server-side`, Argo CD ' +
        'ServerSideApply=true) and set ' +
        `${setting}: true, or ${split()}`,
    },
  ];
}
