// What the Kubernetes API server accepts in an object's metadata (k8s.io/apimachinery/pkg/util/validation and
// api/validation/objectmeta.go): a value refused here would make `kubectl apply` of the generated tree fail, after
// `generate` said it succeeded. Each check returns the problem as a message, or undefined when the value is valid.
import { z } from 'zod';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** The name part of a label or annotation key, and a non-empty label value. */
const QUALIFIED_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** Kubernetes' limit on all annotations of one object together (keys and values). */
export const ANNOTATIONS_SIZE_LIMIT = 256 * 1024;

/** A namespace name (and the name of most objects): a DNS-1123 label. */
export function namespaceProblem(name: string): string | undefined {
  if (name.length > 63) return 'must be a Kubernetes namespace name of at most 63 characters';
  if (!DNS1123_LABEL.test(name))
    return (
      'must be a Kubernetes namespace name (lowercase letters, digits and -, starting and ending with a letter ' +
      'or digit)'
    );
  return undefined;
}

/** metadata.name of a ConfigMap, PrometheusRule and the like: a DNS-1123 subdomain. */
export function objectNameProblem(name: string): string | undefined {
  if (name.length > 253) return 'must be a Kubernetes object name of at most 253 characters';
  if (!DNS1123_SUBDOMAIN.test(name))
    return (
      'must be a Kubernetes object name (lowercase letters, digits, - and ., starting and ending with a letter ' +
      'or digit)'
    );
  return undefined;
}

/** A label or annotation key: an optional DNS-subdomain prefix and `/`, then a name of at most 63 characters. */
export function metadataKeyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash === -1 ? undefined : key.slice(0, slash);
  const name = slash === -1 ? key : key.slice(slash + 1);
  const example = 'e.g. grafana_dashboard or example.com/dashboard';
  if (prefix !== undefined) {
    if (prefix.length > 253)
      return (
        `must be a Kubernetes label name or annotation key whose prefix (before /) is at most 253 characters, ` +
        `${example}`
      );
    if (!DNS1123_SUBDOMAIN.test(prefix))
      return (
        `must be a Kubernetes label name or annotation key whose prefix (before /) is a DNS subdomain ` +
        `(lowercase letters, digits, - and .), ${example}`
      );
  }
  if (name.length === 0 || name.length > 63)
    return (
      `must be a Kubernetes label name or annotation key whose name (after any prefix/) has 1 to 63 characters, ` +
      `${example}`
    );
  if (!QUALIFIED_NAME.test(name))
    return (
      `must be a Kubernetes label name or annotation key (letters, digits, -, _ and ., starting and ending with ` +
      `a letter or digit), ${example}`
    );
  return undefined;
}

/** A label value: empty, or at most 63 letters, digits, -, _ and ., starting and ending with a letter or digit. */
export function labelValueProblem(value: string): string | undefined {
  if (value.length > 63) return 'must be a Kubernetes label value of at most 63 characters';
  if (value !== '' && !QUALIFIED_NAME.test(value))
    return 'must be a Kubernetes label value (letters, digits, -, _ and ., starting and ending with a letter or digit)';
  return undefined;
}

/** Annotation values are free text; only their total size (keys included) is limited. */
export function annotationsProblem(annotations: Record<string, string>): string | undefined {
  const size = Object.entries(annotations).reduce(
    (total, [key, value]) => total + Buffer.byteLength(key) + Buffer.byteLength(String(value)),
    0,
  );
  return size > ANNOTATIONS_SIZE_LIMIT
    ? `must total at most ${ANNOTATIONS_SIZE_LIMIT} bytes (Kubernetes' limit on an object's annotations); these are ` +
        `${size}`
    : undefined;
}

/** Every problem of an object's metadata, as `field: message` lines; empty when the API server would accept it. */
export function metadataProblems(metadata: {
  name?: unknown;
  namespace?: unknown;
  labels?: unknown;
  annotations?: unknown;
}): string[] {
  const problems: string[] = [];
  const check = (field: string, problem: string | undefined) => problem && problems.push(`${field}: ${problem}`);
  check('name', typeof metadata.name === 'string' ? objectNameProblem(metadata.name) : 'is required');
  if (metadata.namespace !== undefined)
    check(
      'namespace',
      typeof metadata.namespace === 'string' ? namespaceProblem(metadata.namespace) : 'must be a string',
    );
  for (const [field, map] of [
    ['labels', metadata.labels],
    ['annotations', metadata.annotations],
  ] as const) {
    if (map === undefined) continue;
    if (typeof map !== 'object' || map === null || Array.isArray(map)) {
      check(field, 'must be a map');
      continue;
    }
    for (const [key, value] of Object.entries(map)) {
      check(
        `${field}.${key}`,
        metadataKeyProblem(key) ??
          (typeof value !== 'string' ? 'must be a string' : field === 'labels' ? labelValueProblem(value) : undefined),
      );
    }
    if (field === 'annotations') check(field, annotationsProblem(map as Record<string, string>));
  }
  return problems;
}

function checked(check: (value: string) => string | undefined) {
  return z.string().superRefine((value, context) => {
    const problem = check(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });
}

/** zod schemas of the same rules, for the config. */
export const kubernetesNamespace = checked(namespaceProblem);
export const kubernetesMetadataKey = checked(metadataKeyProblem);
export const kubernetesLabelValue = checked(labelValueProblem);
export const kubernetesLabels = z.record(kubernetesMetadataKey, kubernetesLabelValue);
export const kubernetesAnnotations = z.record(kubernetesMetadataKey, z.string()).superRefine((annotations, context) => {
  const problem = annotationsProblem(annotations);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});
