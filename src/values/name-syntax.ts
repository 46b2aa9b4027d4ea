// The names a claim pattern stands for, so that "two patterns overlap" can mean "some valid name matches both":
// namespace names are DNS-1123 labels of at most 63 characters, node names DNS-1123 subdomains of at most 253, and
// cluster names any text. `a`×40`*` and `*b`×30 share only names of 70 characters or more, so no namespace.
// Each syntax is a small automaton over kinds of character, read one character at a time from state 0.

/** The kinds of character the syntaxes tell apart. */
export type CharKind = 'alnum' | 'dash' | 'dot' | 'other';

export interface NameSyntax {
  /** Longest valid name. */
  maxLength: number;
  /** How many states `step` uses; state 0 is the start (nothing read). */
  states: number;
  /** The state after one more character of this kind; -1 when no valid name goes on so. */
  step(state: number, kind: CharKind): number;
  accepts(state: number): boolean;
  /** One character of each kind a valid name may hold: what a wildcard in both patterns is tried with. */
  representatives: readonly string[];
}

export function charKind(char: string): CharKind {
  if (/^[a-z0-9]$/.test(char)) return 'alnum';
  if (char === '-') return 'dash';
  if (char === '.') return 'dot';
  return 'other';
}

const START = 0;
const AFTER_ALNUM = 1;
const AFTER_DASH = 2;
const AFTER_DOT = 3;

/** DNS-1123 labels: lowercase letters, digits and `-`, starting and ending with a letter or digit. */
export function dnsLabels(maxLength: number): NameSyntax {
  return {
    maxLength,
    states: 3,
    step: (state, kind) => (kind === 'alnum' ? AFTER_ALNUM : kind === 'dash' && state !== START ? AFTER_DASH : -1),
    accepts: (state) => state === AFTER_ALNUM,
    representatives: ['a', '-'],
  };
}

/** DNS-1123 subdomains: labels joined by dots (Kubernetes checks the whole name's length, not each label's). */
export function dnsSubdomains(maxLength: number): NameSyntax {
  return {
    maxLength,
    states: 4,
    step: (state, kind) => {
      if (kind === 'alnum') return AFTER_ALNUM;
      if (kind === 'dash') return state === AFTER_ALNUM || state === AFTER_DASH ? AFTER_DASH : -1;
      if (kind === 'dot') return state === AFTER_ALNUM ? AFTER_DOT : -1;
      return -1;
    },
    accepts: (state) => state === AFTER_ALNUM,
    representatives: ['a', '-', '.'],
  };
}

export const NAMESPACE_NAMES = dnsLabels(63);
export const NODE_NAMES = dnsSubdomains(253);

/** Any text, of any length: cluster names, which are label values, not Kubernetes names. */
export const ANY_NAMES: NameSyntax = {
  maxLength: Number.POSITIVE_INFINITY,
  states: 1,
  step: () => 0,
  accepts: () => true,
  representatives: ['a'],
};

/** Whether `name` is valid in the syntax. */
export function isValidName(name: string, syntax: NameSyntax): boolean {
  if (name.length > syntax.maxLength) return false;
  let state = 0;
  for (const char of name) {
    state = syntax.step(state, charKind(char));
    if (state < 0) return false;
  }
  return syntax.accepts(state);
}
