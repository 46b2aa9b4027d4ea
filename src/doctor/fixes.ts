// The fixes a finding gets, per stack (stack-fixes.ts holds them, verified against each stack's chart or docs).
import type { Model } from '../model/model.ts';
import type { Finding } from './findings.ts';

export function withFixes(_model: Model, finding: Finding): Finding {
  return finding;
}
