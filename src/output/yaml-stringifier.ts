// The yaml package's stringify, byte for byte, for the plain data headroom writes (objects, arrays, strings, numbers,
// booleans, null) at a fraction of its cost: the package builds a document of nodes and asks every scalar's tag
// how to write it, about 0.5 s per MB, and a fleet of 5,000 teams writes 20 MB. Here the block structure (`key:
// value`, `- item`, two spaces a level) is written directly, and each distinct scalar is written once by the package
// itself, in a one-pair document, then reused: quoting, escapes and block literals stay the package's decisions.
// A line of printable ASCII is written as the package's plainString and quotedString write it, without asking: plain
// unless an indicator or one of the schema's types (`yes`, `null`, `0x1f`, a date: the package's own tests) forbids
// it, else quoted.
// Anything else (other objects, a key the package would write as `? key`, a string whose form depends on where it
// sits) is handed to the package whole. test/output/yaml-stringifier.test.ts checks the two agree.
import {
  type CreateNodeOptions,
  Document,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
  stringify,
  type ToStringOptions,
} from 'yaml';

export type StringifyOptions = DocumentOptions & SchemaOptions & ParseOptions & CreateNodeOptions & ToStringOptions;

/** The package cannot be followed here: the whole value goes to it. */
class Unusual extends Error {}

/** Lines starting a document (`---`, `...`) or a directive (`%`): the package quotes or indents them by position. */
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;

const STEP = '  ';

/** One line of printable ASCII, not starting a document: written plain or quoted as ownText says. */
const PRINTABLE_LINE = /^(?!%|---|\.\.\.)[\x20-\x7e]+$/;
/** What the package does not write plain, whatever the schema (stringifyString.js, plainString, yaml 2.9). */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;

/**
 * A stringify(value, options) for fixed options; `options` must not alias repeated objects (aliasDuplicateObjects:
 * false), fold lines (lineWidth: 0), sort keys, replace values or keep undefined ones.
 */
export function yamlStringifier(options: StringifyOptions): (value: unknown) => string {
  if (options.aliasDuplicateObjects !== false || options.lineWidth !== 0)
    throw new Error('yamlStringifier: needs aliasDuplicateObjects: false and lineWidth: 0');
  /** Scalar (typed) or key → its text where it sits at the top level (a multi-line one: with a two-space indent). */
  const written = new Map<string, string>();
  // The tags the package tests a plain string against before it writes it plain (stringifyString.js, plainString).
  const { tags, compat } = new Document(null, options).schema;
  const otherTypes = [...tags, ...(compat ?? [])]
    .filter((tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str')
    .flatMap((tag) => ('test' in tag && tag.test ? [tag.test] : []));
  const defaultQuoting = ['defaultStringType', 'defaultKeyType', 'singleQuote', 'doubleQuotedAsJSON'].every(
    (option) => options[option as keyof StringifyOptions] === undefined,
  );
  /**
   * A line of printable ASCII as the package writes it, key or value alike: plain, unless an indicator or a type of
   * the schema forbids it; then in single quotes if it holds double quotes only, else as JSON does (quotedString).
   */
  const ownText = (text: string): string | undefined => {
    if (!defaultQuoting || !PRINTABLE_LINE.test(text)) return undefined;
    if (!NOT_PLAIN.test(text) && !otherTypes.some((test) => test.test(text))) return text;
    return text.includes('"') && !text.includes("'") ? `'${text}'` : JSON.stringify(text);
  };

  const key = (name: string): string => {
    // Over 1,024 characters, a key is written `? key` (stringifyPair.js).
    const own = name.length <= 1024 ? ownText(name) : undefined;
    if (own !== undefined) return own;
    const cacheKey = `k${name}`;
    let text = written.get(cacheKey);
    if (text === undefined) {
      if (DOCUMENT_MARKER.test(name)) throw new Unusual();
      const pair = stringify({ [name]: 0 }, options);
      // `? key` (a long or multi-line key) spans lines.
      if (!pair.endsWith(': 0\n') || pair.indexOf('\n') !== pair.length - 1) throw new Unusual();
      text = pair.slice(0, -4);
      written.set(cacheKey, text);
    }
    return text;
  };

  /** A scalar whose node would have `indent` (two spaces more than the line it starts on). */
  const scalar = (value: string | number | boolean | null, indent: string): string => {
    const own = typeof value === 'string' ? ownText(value) : undefined;
    if (own !== undefined) return own;
    const cacheKey = scalarKey(value);
    let text = written.get(cacheKey);
    if (text === undefined) {
      if (typeof value === 'string' && DOCUMENT_MARKER.test(value)) throw new Unusual();
      const pair = stringify({ k: value }, options);
      if (!pair.startsWith('k: ') || !pair.endsWith('\n')) throw new Unusual();
      text = pair.slice(3, -1);
      // Spanning lines: only a block literal (`|-`, `|`) is written the same at any depth, its indent aside.
      if (text.includes('\n') && (!text.startsWith('|') || text.endsWith('\n'))) throw new Unusual();
      written.set(cacheKey, text);
    }
    // A block literal's lines carry the node's indent: add what this depth has more than the top level's.
    const more = indent.slice(STEP.length);
    return more === '' || !text.includes('\n') ? text : text.replace(/\n(?=[^\n])/g, `\n${more}`);
  };

  /** The value's text as the package writes a node with this indent (no trailing newline). */
  const node = (value: unknown, indent: string): string => {
    if (Array.isArray(value)) {
      if (value.length === 0) return '[]';
      const itemIndent = indent + STEP;
      const lines: string[] = [];
      // By index: a hole is an undefined item, which the package writes its own way.
      for (let i = 0; i < value.length; i++) lines.push(`- ${node(value[i], itemIndent)}`);
      return lines.join(`\n${indent}`);
    }
    if (isPlainObject(value)) {
      const lines: string[] = [];
      for (const name of Object.keys(value)) {
        const item = value[name];
        if (item === undefined) continue;
        const valueIndent = indent + STEP;
        const text = node(item, valueIndent);
        lines.push(
          isCollection(item) && text !== '[]' && text !== '{}'
            ? `${key(name)}:\n${valueIndent}${text}`
            : `${key(name)}: ${text}`,
        );
      }
      return lines.length === 0 ? '{}' : lines.join(`\n${indent}`);
    }
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return scalar(value, indent);
    if (typeof value === 'number') return scalar(value, indent);
    throw new Unusual();
  };

  return (value) => {
    // A document that is one scalar or an empty collection: rare, and written differently at the top.
    if (!isCollection(value) || (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0))
      return stringify(value, options);
    try {
      return `${node(value, '')}\n`;
    } catch (error) {
      if (!(error instanceof Unusual)) throw error;
      return stringify(value, options);
    }
  };
}

function scalarKey(value: string | number | boolean | null): string {
  if (typeof value === 'string') return `s${value}`;
  if (typeof value === 'number') return Object.is(value, -0) ? 'n-0' : `n${value}`;
  return `o${value}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && !('toJSON' in value);
}

function isCollection(value: unknown): value is unknown[] | Record<string, unknown> {
  return Array.isArray(value) || isPlainObject(value);
}
