// kustomization.yaml lists every Kubernetes object of the generated tree, so Argo CD or Flux can apply the folder as
// it is: the files each output marks as an object (generated-file.ts), so a new output's objects are listed without
// touching this file and no text is read back.
import { type GeneratedFile, textFile } from './generated-file.ts';
import { yamlText } from './yaml-text.ts';

const KUSTOMIZATION_PATH = 'kustomization.yaml';

export function kustomizationFiles(files: readonly GeneratedFile[]): GeneratedFile[] {
  const resources = files
    .filter((file) => file.object !== undefined)
    .map((file) => file.path)
    .sort();
  const kustomization = { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources };
  return [textFile(KUSTOMIZATION_PATH, yamlText(kustomization), kustomization)];
}
