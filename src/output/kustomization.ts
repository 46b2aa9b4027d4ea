// kustomization.yaml lists every Kubernetes object of the generated tree, so Argo CD or Flux can apply the
// folder as it is. Computed from the files themselves (any YAML document with apiVersion and kind), so a new
// output format is listed without touching this file. Files headroom wrote are told apart by their first lines:
// parsing megabytes of rules again only to find two keys cost more than writing them.
import { parseAllDocuments } from 'yaml';
import type { GeneratedFile } from './generated-tree.ts';
import { yamlHeader } from './header.ts';
import { yamlText } from './yaml-text.ts';

const KUSTOMIZATION_PATH = 'kustomization.yaml';

export function kustomizationFiles(files: readonly GeneratedFile[]): GeneratedFile[] {
  const resources = files
    .filter(([path, content]) => path !== KUSTOMIZATION_PATH && isKubernetesObjectFile(path, content))
    .map(([path]) => path)
    .sort();
  return [
    [KUSTOMIZATION_PATH, yamlText({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources })],
  ];
}

/** A YAML file whose every document is a Kubernetes object (has a string apiVersion and kind). */
export function isKubernetesObjectFile(path: string, content: string): boolean {
  if (!/\.ya?ml$/.test(path)) return false;
  return writtenObjectFile(content) ?? everyDocumentIsObject(content);
}

const HEADER = yamlHeader();
/** `apiVersion: <group/version>` then `kind: <Kind>`, both plain scalars YAML reads as strings (never true/null/a number). */
const LEADING_OBJECT_KEYS =
  /^apiVersion: (?!(?:true|false|null)\n)[a-z][a-z0-9.-]*(?:\/[a-z0-9]+)?\nkind: (?!(?:True|False|Null|TRUE|FALSE|NULL)\n)[A-Z][A-Za-z0-9]*\n/;
const TOP_LEVEL_KEY = (key: string) => new RegExp(`^${key}:`, 'm');
const DOCUMENT_MARKER = /^(?:---|\.\.\.)/m;

/**
 * The answer for a file as yamlText writes it (the header, then one document in block style, where only top-level
 * keys start a line at column 0); undefined for anything else, which is then parsed.
 */
function writtenObjectFile(content: string): boolean | undefined {
  if (!content.startsWith(HEADER)) return undefined;
  const body = content.slice(HEADER.length);
  if (DOCUMENT_MARKER.test(body)) return undefined;
  if (LEADING_OBJECT_KEYS.test(body)) return true;
  if (!TOP_LEVEL_KEY('apiVersion').test(body) || !TOP_LEVEL_KEY('kind').test(body)) return false;
  return undefined;
}

function everyDocumentIsObject(content: string): boolean {
  const documents = parseAllDocuments(content);
  if (!Array.isArray(documents) || documents.length === 0) return false;
  return documents.every((document) => {
    const value: unknown = document.errors.length === 0 ? document.toJS() : undefined;
    return isKubernetesObject(value);
  });
}

export function isKubernetesObject(
  value: unknown,
): value is { apiVersion: string; kind: string; metadata?: { name?: string; namespace?: string } } {
  if (typeof value !== 'object' || value === null) return false;
  const { apiVersion, kind } = value as Record<string, unknown>;
  return typeof apiVersion === 'string' && typeof kind === 'string';
}
