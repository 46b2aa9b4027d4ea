// kustomization.yaml lists every Kubernetes object of the generated tree, so Argo CD or Flux can apply the
// folder as it is. Computed from the files themselves (any YAML document with apiVersion and kind), so a new
// output format is listed without touching this file.
import { parseAllDocuments } from 'yaml';
import type { GeneratedFile } from './generated-tree.ts';
import { yamlText } from './yaml-text.ts';

export const KUSTOMIZATION_PATH = 'kustomization.yaml';

export function kustomizationFiles(files: readonly GeneratedFile[]): GeneratedFile[] {
  const resources = files
    .filter(([path, content]) => path !== KUSTOMIZATION_PATH && isKubernetesObjectFile(path, content))
    .map(([path]) => path)
    .sort();
  return [[KUSTOMIZATION_PATH, yamlText({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources })]];
}

/** A YAML file whose every document is a Kubernetes object (has a string apiVersion and kind). */
export function isKubernetesObjectFile(path: string, content: string): boolean {
  if (!/\.ya?ml$/.test(path)) return false;
  const documents = parseAllDocuments(content);
  if (!Array.isArray(documents) || documents.length === 0) return false;
  return documents.every((document) => {
    const value: unknown = document.errors.length === 0 ? document.toJS() : undefined;
    return isKubernetesObject(value);
  });
}

export function isKubernetesObject(value: unknown): value is { apiVersion: string; kind: string; metadata?: { name?: string; namespace?: string } } {
  if (typeof value !== 'object' || value === null) return false;
  const { apiVersion, kind } = value as Record<string, unknown>;
  return typeof apiVersion === 'string' && typeof kind === 'string';
}
