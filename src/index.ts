// What a headroom.config.ts imports.
import type { HeadroomConfigInput, TeamInput } from './config/schema.ts';

export type { HeadroomConfigInput as HeadroomConfig, TeamInput as TeamConfig };

/** Identity at run time; gives the config file its types and editor completion. */
export function defineConfig(config: HeadroomConfigInput): HeadroomConfigInput {
  return config;
}
