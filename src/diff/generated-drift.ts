// generated/ as committed, against what this headroom generates from the config beside it. `--base` generates both
// sides with the headroom that runs, so that only the config's change shows; a new headroom version that changes the
// output, or a hand edit of generated/, would then read as "no changes". So each side's committed folder is compared
// with its own generation too. At the base, a difference is another headroom version's output (the upgrade under
// review: what it changes) or a hand edit; in the work tree, output not regenerated or edited by hand (what `headroom
// check` fails on).
import type { GeneratedDrift, Warning } from './report.ts';
import { plural } from './wording.ts';

/** The warning that opens a drift, and the drift's own warnings (an alert the new version removes…) after it. */
export function driftWarnings(drift: GeneratedDrift): Warning[] {
  const count = drift.report.files.length;
  const files = `${plural(count, 'file')} ${count === 1 ? 'differs' : 'differ'}`;
  const why =
    drift.side === 'base'
      ? `another headroom version wrote it, or it was edited by hand; what this headroom changes in it is listed ` +
        `under "${driftTitle(drift)}"`
      : 'regenerate it (`npx headroom generate`) and commit the result, or undo the hand edit; `headroom check` ' +
        'fails on it';
  return [
    {
      kind: 'generated-drift',
      message: `${drift.where} is not what this headroom generates from ${drift.of}'s config (${files}): ${why}`,
    },
    ...drift.report.warnings.map((warning) => ({
      ...warning,
      message: `${drift.where} → this headroom's output: ${warning.message}`,
    })),
  ];
}

export function driftTitle(drift: GeneratedDrift): string {
  return `${drift.where} → as this headroom generates it`;
}
