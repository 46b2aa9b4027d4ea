#!/usr/bin/env node
// Runs the rule-cost benchmark (bench/rule-cost.ts) through jiti, like bin/headroom.js runs the CLI.
import { createJiti } from 'jiti';

const jiti = createJiti(import.meta.url);
await jiti.import('../bench/rule-cost.ts');
