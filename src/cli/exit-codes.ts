// Exit codes of every headroom command. A signal that stops `generate` gives 128 + its number (130 for SIGINT,
// 143 for SIGTERM), after the run has removed what it was writing (see stop-signals.ts).
export const EXIT_OK = 0;
/** `check` found generated/ stale; `diff --exit-code` found changes. */
export const EXIT_DIFFERENT = 1;
/** Bad input: config, team files or flags. Nothing was written. */
export const EXIT_BAD_INPUT = 2;

/** Set by a command that finished normally but wants a non-zero exit (e.g. a stale tree). */
export interface CommandOutcome {
  exitCode: number;
}
/**
 * The reader of stdout went away (`headroom diff | head -1`): what a shell reports for git or cat killed by SIGPIPE
 * (128 + 13). Node ignores SIGPIPE, so the command ends itself, quietly, with this code.
 */
export const EXIT_BROKEN_PIPE = 141;
