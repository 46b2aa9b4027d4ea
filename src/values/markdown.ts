// Text put into markdown (diff's and backtest's reports for a CI comment): names and values shown as they are.

/** Backslash before every character markdown could read as markup (`payments-*` must not start emphasis). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&');
}
