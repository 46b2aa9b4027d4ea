// The labels that identify a container, a namespace or a node. With several clusters in one metrics store the
// cluster label is part of every key: two clusters' payments/api-0/app are two containers, never one.
import type { Model } from '../model/model.ts';

export function keyOf(model: Model, ...labels: string[]): string[] {
  return model.clusterLabel ? [model.clusterLabel, ...labels] : labels;
}

export function containerKey(model: Model): string[] {
  return keyOf(model, 'namespace', 'pod', 'container');
}

export function namespaceKey(model: Model): string[] {
  return keyOf(model, 'namespace');
}

export function nodeKey(model: Model): string[] {
  return keyOf(model, 'node');
}
