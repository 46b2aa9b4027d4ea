#!/usr/bin/env node
// Runs the TypeScript CLI directly through jiti, so a fresh clone works right after `npm ci`.
import { createJiti } from 'jiti';

const jiti = createJiti(import.meta.url);
const { main } = await jiti.import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
