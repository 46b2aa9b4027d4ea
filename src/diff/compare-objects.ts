// Kubernetes objects added or removed (what Argo CD or Flux will create or prune), and metadata changes of the
// ones that stay. An object is known by kind, namespace and name, wherever its file sits.
import { isKubernetesObject } from '../output/kubernetes-object.ts';
import type { ObjectChange } from './report.ts';
import type { TreeDocument } from './tree-documents.ts';
import { valueChanges } from './value-changes.ts';

export function compareObjects(old: TreeDocument[], current: TreeDocument[]): ObjectChange[] {
  const before = objectsByName(old);
  const after = objectsByName(current);
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  return names.flatMap((object): ObjectChange[] => {
    const was = before.get(object);
    const is = after.get(object);
    if (!was) return [{ object, status: 'added', changes: [] }];
    if (!is) return [{ object, status: 'removed', changes: [] }];
    const changes = valueChanges(
      { labels: was.labels, annotations: was.annotations },
      { labels: is.labels, annotations: is.annotations },
    );
    return changes.length > 0 ? [{ object, status: 'changed', changes }] : [];
  });
}

function objectsByName(documents: TreeDocument[]): Map<string, { labels?: unknown; annotations?: unknown }> {
  const objects = new Map<string, { labels?: unknown; annotations?: unknown }>();
  for (const { value } of documents) {
    if (!isKubernetesObject(value) || value.kind === 'Kustomization') continue;
    const metadata = (value.metadata ?? {}) as {
      name?: string;
      namespace?: string;
      labels?: unknown;
      annotations?: unknown;
    };
    const name = `${value.kind} ${metadata.namespace ? `${metadata.namespace}/` : ''}${metadata.name ?? '?'}`;
    objects.set(name, { labels: metadata.labels, annotations: metadata.annotations });
  }
  return objects;
}
