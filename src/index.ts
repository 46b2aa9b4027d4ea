// What a headroom.config.ts imports.
import type { HeadroomConfigInput } from './config/schema.ts';
import type { TeamInput } from './config/team-schema.ts';

export type { HeadroomConfigInput as HeadroomConfig, TeamInput as TeamConfig };

/** Identity at run time; gives the config file its types and editor completion. */
export function defineConfig(config: HeadroomConfigInput): HeadroomConfigInput {
  return config;
}
