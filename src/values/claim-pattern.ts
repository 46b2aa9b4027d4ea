// What a team may claim: namespaces and nodes, exact or as globs (`*` any run of characters, `?` one character).
// A pattern no name can match is refused, not kept: it would silently own nothing. Namespace names are DNS-1123
// labels (lowercase letters, digits and `-`, at most 63 characters, no dots: `payments.*` is a regular expression
// habit that never matches); node names are DNS-1123 subdomains (dot-separated labels, at most 253 characters).
import { z } from 'zod';

const WILDCARD = /[*?]/g;

/** Characters every matching name has at least: `*` matches none, `?` one. */
function shortestMatch(pattern: string): number {
  return pattern.replace(/\*/g, '').length;
}

const NAMESPACE_GLOB = /^[a-z0-9*?]([a-z0-9*?-]*[a-z0-9*?])?$/;
const NODE_GLOB = /^[a-z0-9*?]([a-z0-9.*?-]*[a-z0-9*?])?$/;

function namespaceProblem(pattern: string): string | undefined {
  if (pattern === '') return 'must not be empty (a namespace name or a glob of one)';
  if (/[A-Z]/.test(pattern)) return 'can never match: namespace names are lowercase';
  if (pattern.includes('.'))
    return (
      'can never match: namespace names have no dots (a glob, not a regular expression: `payments*` for ' +
      'payments and every name after it)'
    );
  if (!NAMESPACE_GLOB.test(pattern)) {
    return (
      'must be a namespace name or a glob of one (lowercase letters, digits and -, not first or last; `*` any ' +
      'run of characters, `?` one character)'
    );
  }
  if (shortestMatch(pattern) > 63) return 'can never match: namespace names have at most 63 characters';
  return undefined;
}

function nodeProblem(pattern: string): string | undefined {
  if (pattern === '') return 'must not be empty (a node name or a glob of one)';
  if (/[A-Z]/.test(pattern)) return 'can never match: node names are lowercase';
  if (!NODE_GLOB.test(pattern)) {
    return (
      'must be a node name or a glob of one (lowercase letters, digits, - and ., not first or last; `*` any run ' +
      'of characters, `?` one character)'
    );
  }
  const literalRun = pattern.replace(WILDCARD, ' ');
  if (/\.\.|\.-|-\./.test(literalRun))
    return 'can never match: each dot-separated part of a node name starts and ends with a letter or digit';
  if (shortestMatch(pattern) > 253) return 'can never match: node names have at most 253 characters';
  return undefined;
}

function patternSchema(problem: (pattern: string) => string | undefined, syntax: RegExp) {
  return (
    z
      .string()
      .superRefine((pattern, context) => {
        const message = problem(pattern);
        if (message) context.addIssue({ code: 'custom', message });
      })
      // For editors (the published JSON Schema): the syntax; the checks above say more.
      .meta({ pattern: syntax.source })
  );
}

export const namespacePattern = patternSchema(namespaceProblem, NAMESPACE_GLOB);
export const nodePattern = patternSchema(nodeProblem, NODE_GLOB);
