// Exit codes of every headroom command.
export const EXIT_OK = 0;
/** `check` found generated/ stale; `diff --exit-code` found changes. */
export const EXIT_DIFFERENT = 1;
/** Bad input: config, team files or flags. Nothing was written. */
export const EXIT_BAD_INPUT = 2;

/** Set by a command that finished normally but wants a non-zero exit (e.g. a stale tree). */
export interface CommandOutcome {
  exitCode: number;
}
