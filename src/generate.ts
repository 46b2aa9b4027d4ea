// The pipeline in one call: config file → loaded input → resolved model → generated tree (in memory).
import { resolve } from 'node:path';
import { loadConfig, type LoadedConfig } from './config/load-config.ts';
import type { HeldTeamFiles } from './config/load-teams-dir.ts';
import type { Model } from './model/model.ts';
import { resolveModel } from './model/resolve-model.ts';
import { type GeneratedData, type GeneratedTree, generatedOutput } from './output/generated-tree.ts';

export interface Generation {
  loaded: LoadedConfig;
  model: Model;
  tree: GeneratedTree;
  /** The data its YAML files were written from (see GeneratedFile.data). */
  data: GeneratedData;
  /** Absolute output folder: --out when given, else output.dir relative to the config file. */
  outDir: string;
}

export async function generate(
  configPath: string,
  outOverride?: string,
  heldTeamFiles?: HeldTeamFiles,
): Promise<Generation> {
  const loaded = await loadConfig(configPath, heldTeamFiles);
  const model = resolveModel(loaded);
  const outDir = outOverride ? resolve(outOverride) : resolve(loaded.baseDir, model.output.dir);
  return { loaded, model, ...generatedOutput(model), outDir };
}
