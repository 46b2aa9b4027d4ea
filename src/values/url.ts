// The two URLs of the config, links.grafanaUrl and links.runbookUrlPattern, end up in every alert's annotations,
// which Prometheus expands as Go templates, and in the dashboards' links. Only plain http(s) links are accepted:
// no template code, no credentials (a secret in a generated file), no javascript:/data:/file: links.
import { z } from 'zod';
import { hasControlCharacter } from './control-characters.ts';

/** The problem of a URL headroom writes into alerts and dashboards, or undefined. */
function linkProblem(text: string, example: string): string | undefined {
  if (/\{\{|\}\}/.test(text))
    return `must not contain {{ or }} (Prometheus would run it as a template in every alert), e.g. ${example}`;
  if (/\s/.test(text) || hasControlCharacter(text))
    return `must not contain spaces or control characters (write a space as %20), e.g. ${example}`;
  if (!URL.canParse(text)) return `must be an absolute URL, e.g. ${example}`;
  const url = new URL(text);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `must be an http:// or https:// URL, e.g. ${example}`;
  if (url.username !== '' || url.password !== '')
    return 'must not contain a user name or password (it would be written into every generated rule file)';
  if (url.hostname === '') return `must name a host, e.g. ${example}`;
  return undefined;
}

const GRAFANA_URL_EXAMPLE = 'https://grafana.example.com';
const RUNBOOK_URL_EXAMPLE = 'https://runbooks.example.com/%s';

export function grafanaUrlProblem(text: string): string | undefined {
  const problem = linkProblem(text, GRAFANA_URL_EXAMPLE);
  if (problem) return problem;
  // /d/<uid>?var-… goes after the path: a #fragment would end up before it, or swallow it.
  if (text.includes('#')) return 'must not contain a #fragment (the alert links add /d/<uid>?var-… to it)';
  return undefined;
}

export function runbookUrlPatternProblem(pattern: string): string | undefined {
  const count = pattern.split('%s').length - 1;
  if (count === 0) return 'must contain %s, replaced by the lowercase alert name';
  if (count > 1) return 'must contain %s once (it is replaced by the lowercase alert name)';
  // Outside {{ }} these are plain text: a pattern that names them expects an expansion that never happens.
  if (/\$(labels|value|externalLabels|externalURL)\b/.test(pattern)) {
    return (
      'must not contain $labels, $value or other template variables: the runbook URL is the same for every ' +
      'alert of one name (only %s is replaced)'
    );
  }
  return linkProblem(pattern.replace('%s', 'alertname'), RUNBOOK_URL_EXAMPLE);
}

/** The Grafana base URL as the alert links start from it: the path without trailing slashes, the query kept. */
export function normalizedGrafanaUrl(text: string): string {
  const query = text.indexOf('?');
  const path = query === -1 ? text : text.slice(0, query);
  return path.replace(/\/+$/, '') + (query === -1 ? '' : text.slice(query));
}

/**
 * `<grafanaUrl>/d/<uid>?<params>`: the path goes after Grafana's own path (its sub-path kept), the user's query
 * parameters (e.g. orgId=2) come first, then ours. `params` are written as given (they hold Go templates).
 */
export function grafanaDashboardLink(grafanaUrl: string, uid: string, params: string): string {
  const query = grafanaUrl.indexOf('?');
  const base = query === -1 ? grafanaUrl : grafanaUrl.slice(0, query);
  const userParams = query === -1 ? '' : grafanaUrl.slice(query + 1);
  const all = [userParams, params].filter((part) => part !== '').join('&');
  return `${base.replace(/\/+$/, '')}/d/${encodeURIComponent(uid)}${all === '' ? '' : `?${all}`}`;
}

function checked(check: (value: string) => string | undefined) {
  return z.string().superRefine((value, context) => {
    const problem = check(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });
}

export const grafanaUrl = checked(grafanaUrlProblem).transform(normalizedGrafanaUrl);
export const runbookUrlPattern = checked(runbookUrlPatternProblem);
