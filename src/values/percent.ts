// Fractions as people read them: 0.85 → 85%, 0.955 → 95.5%, without the floating-point noise of 0.955 * 100.

export function percent(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(12))}%`;
}
