// Whether a parsed YAML document is a Kubernetes object: for trees read back from disk or git (the diff), where
// nothing says which files are objects.

export function isKubernetesObject(
  value: unknown,
): value is { apiVersion: string; kind: string; metadata?: { name?: string; namespace?: string } } {
  if (typeof value !== 'object' || value === null) return false;
  const { apiVersion, kind } = value as Record<string, unknown>;
  return typeof apiVersion === 'string' && typeof kind === 'string';
}
