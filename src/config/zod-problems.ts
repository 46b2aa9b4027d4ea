// Turns zod issues into problems that point at the file, line and key.
import type { z } from 'zod';
import { type KeyPath, keyPathText, type Problem, type SourceFile } from './input-error.ts';
import { suggestedKey } from './key-suggestion.ts';
import { shownText } from './shown-text.ts';

export function zodProblems(error: z.ZodError, source: SourceFile, prefix: KeyPath = []): Problem[] {
  return error.issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const meant = suggestedKey(path, key);
        return problemAt(
          source,
          [...path, key],
          meant
            ? `unknown key: did you mean ${meant}?`
            : 'unknown key (check the spelling; see docs/configuration.md and docs/team-files.md)',
        );
      });
    }
    return [problemAt(source, path, issueMessage(issue))];
  });
}

export function problemAt(source: SourceFile, path: KeyPath, message: string): Problem {
  const position = source.locate(path);
  return { file: source.file, ...(position ? { position } : {}), key: keyPathText(path) || '(root)', message };
}

function issueMessage(issue: z.core.$ZodIssue): string {
  // A record key that fails its own schema: the key's problem is the message.
  if (issue.code === 'invalid_key' && issue.issues[0]) return issueMessage(issue.issues[0]);
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  if (issue.code === 'invalid_type') return `must be ${article(issue.expected)}, got ${describe(issue.input)}`;
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return issue.message;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  // JSON has no NaN or Infinity (YAML's .nan and .inf): JSON.stringify would print them as null.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'string') return `the string ${shownText(JSON.stringify(value))}`;
  return `${typeof value} ${shownText(JSON.stringify(value) ?? String(value))}`;
}
