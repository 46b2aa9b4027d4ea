// Options several commands share.
import { resolve } from 'node:path';
import { InvalidArgumentError, Option } from 'commander';
import { durationMs, isDuration } from '../values/duration.ts';

export interface ConfigOptions {
  config: string;
  out?: string;
}

export const DEFAULT_CONFIG = 'headroom.config.ts';

export const configOption = () => new Option('-c, --config <path>', 'config file').default(DEFAULT_CONFIG);
export const outOption = () =>
  new Option('-o, --out <dir>', "output folder (default: the config's output.dir)").argParser((value: string) => {
    // An empty --out (an unset shell variable) would otherwise mean "the default folder" without a word.
    if (value.trim() === '')
      throw new InvalidArgumentError('it is empty: name a folder, or leave --out out to use output.dir.');
    return value;
  });

/** --config and --out as absolute paths: relative ones are read against the working directory the run was given. */
export function againstWorkingDirectory(options: ConfigOptions, cwd: string): ConfigOptions {
  return {
    config: resolve(cwd, options.config),
    ...(options.out === undefined ? {} : { out: resolve(cwd, options.out) }),
  };
}

/** -f/--format of the commands that write a report: text, markdown or json. */
export function formatOption(): Option {
  return new Option('-f, --format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text');
}

/** How doctor and backtest reach the live store; credentials come from the environment (see query-api.ts). */
export interface StoreOptions {
  prometheus: string;
  header: string[];
  caFile?: string;
  timeout: number;
}

/** --prometheus, --header (repeatable), --ca-file and --timeout, for a command that queries the live store. */
export function storeOptions(): Option[] {
  return [
    new Option(
      '-p, --prometheus <url>',
      'base URL of the query API (Prometheus, Thanos querier, Mimir, VictoriaMetrics)',
    ).makeOptionMandatory(),
    new Option('-H, --header <name: value>', 'extra request header, e.g. "X-Scope-OrgID: tenant-1" (repeatable)')
      .argParser(collectHeader)
      .default([]),
    new Option('--ca-file <path>', 'PEM file of the certificate authorities to trust for https'),
    new Option('--timeout <seconds>', 'time each query may take').argParser(positiveSeconds).default(30),
  ];
}

function collectHeader(value: string, previous: string[]): string[] {
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+:/.test(value))
    throw new InvalidArgumentError('expected "Name: value", e.g. "X-Scope-OrgID: tenant-1".');
  return [...previous, value];
}

function positiveSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError('expected a number of seconds > 0.');
  return seconds;
}

/** The --header values as a header object: the name before the first colon, the value after it, trimmed. */
export function headersOf(values: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    values.map((value) => {
      const colon = value.indexOf(':');
      return [value.slice(0, colon).trim(), value.slice(colon + 1).trim()];
    }),
  );
}

/** How backtest (and diff with --prometheus) evaluates the rules over the past. */
export interface BacktestRunOptions {
  since: string;
  until?: number;
  interval: string;
  step?: string;
  maxSeries: number;
}

/** --since, --until, --interval, --step and --max-series: the range of a backtest, its resolution and its budget. */
export function backtestRunOptions(): Option[] {
  return [
    new Option('--since <duration>', 'how far back to evaluate (a Prometheus duration, e.g. 7d, 12h)')
      .argParser((value: string) => wholeSeconds(value, '--since'))
      .default('7d'),
    new Option('--until <time>', 'the end of the range: an RFC 3339 time or Unix seconds (default: now)').argParser(
      unixSeconds,
    ),
    new Option('--interval <duration>', "the rules' evaluation interval (Prometheus' evaluation_interval)")
      .argParser((value: string) => wholeSeconds(value, '--interval'))
      .default('1m'),
    new Option('--step <duration>', 'evaluate every step, no finer than --interval (default: the interval)').argParser(
      (value: string) => wholeSeconds(value, '--step'),
    ),
    new Option('--max-series <count>', 'stop an alert whose rule returns more series than this')
      .argParser(positiveCount)
      .default(10_000),
  ];
}

/** A Prometheus duration of whole seconds, at least one. */
function wholeSeconds(value: string, flag: string): string {
  if (!isDuration(value)) throw new InvalidArgumentError('expected a Prometheus duration, e.g. 7d, 12h, 30s.');
  const ms = durationMs(value);
  if (ms < 1000 || ms % 1000 !== 0) throw new InvalidArgumentError(`${flag} takes whole seconds, at least 1s.`);
  return value;
}

function unixSeconds(value: string): number {
  const seconds = /^\d+(?:\.\d+)?$/.test(value)
    ? Number(value)
    : /^\d{4}-\d{2}-\d{2}T/.test(value)
      ? Date.parse(value) / 1000
      : Number.NaN;
  if (!Number.isFinite(seconds))
    throw new InvalidArgumentError('expected an RFC 3339 time (2026-05-01T12:00:00Z) or Unix seconds.');
  return seconds;
}

function positiveCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count <= 0) throw new InvalidArgumentError('expected a whole number > 0.');
  return count;
}
