// Prometheus duration syntax (units in descending order, each at most once), as `for:` and range selectors take it.
const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const UNIT_MS = [365 * 86_400_000, 7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1_000, 1];

export function isDuration(text: string): boolean {
  return text !== '' && DURATION.test(text);
}

/** Milliseconds of a valid Prometheus duration. */
export function durationMs(text: string): number {
  const match = DURATION.exec(text);
  if (!match || text === '') throw new Error(`not a Prometheus duration: ${text}`);
  return match.slice(1).reduce((total, part, i) => total + (part ? Number(part) * UNIT_MS[i]! : 0), 0);
}
