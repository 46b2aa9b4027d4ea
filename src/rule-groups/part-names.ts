// Names of the groups (and PrometheusRule objects) a large part is split into: the first keeps the part's name, each
// other one adds the name it starts at, so a part keeps its name while the parts before it change. Object names are
// DNS subdomains (lowercase letters, digits, `-` and `.`, a letter or digit at each end): a start that does not fit
// that as it is gets a short hash of itself instead of its tail.

/** FNV-1a, 32 bits, as 8 hex digits. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/**
 * `base` for the part that starts at the beginning (''), `base-<start>` for the others; a start with characters an
 * object name cannot hold, or ending in one it cannot end in, as much of it as reads well plus a hash of it.
 */
export function partName(base: string, start: string): string {
  if (start === '') return base;
  const readable = start
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/[^a-z0-9]+$/, '')
    .slice(0, 60);
  return readable === start ? `${base}-${start}` : `${base}-${readable}${readable ? '-' : ''}${shortHash(start)}`;
}
