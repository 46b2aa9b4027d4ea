// One file generate writes: its path in the output folder, its text and, for a Kubernetes object, which object it
// is, so the kustomization (and anything else that lists objects) never reads the text back.
import { yamlText } from './yaml-text.ts';

/** What identifies a Kubernetes object: kustomize and kubectl key objects by these. */
export interface ObjectIdentity {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

export interface GeneratedFile {
  path: string;
  content: string;
  /** Set when the file is one Kubernetes object. */
  object?: ObjectIdentity;
  /** The data a YAML file's one document was written from: `headroom diff` reads it instead of parsing the text. */
  data?: unknown;
}

/** A file that is no Kubernetes object: a dashboard's JSON, a rule file, the settings manifest. */
export function textFile(path: string, content: string, data?: unknown): GeneratedFile {
  return data === undefined ? { path, content } : { path, content, data };
}

/** A Kubernetes object as a YAML file, identified for the kustomization. */
export function objectFile(
  path: string,
  object: { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } },
): GeneratedFile {
  const { apiVersion, kind, metadata } = object;
  const identity: ObjectIdentity = { apiVersion, kind, name: metadata.name };
  if (metadata.namespace !== undefined) identity.namespace = metadata.namespace;
  return { path, content: yamlText(object), object: identity, data: object };
}
