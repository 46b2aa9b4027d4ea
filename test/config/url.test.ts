// links.grafanaUrl and links.runbookUrlPattern: plain http(s) links, no template code, no credentials; the alert
// links keep Grafana's sub-path and query.
import { describe, expect, it } from 'vitest';
import {
  grafanaDashboardLink,
  grafanaUrlProblem,
  normalizedGrafanaUrl,
  runbookUrlPatternProblem,
} from '../../src/values/url.ts';

describe('grafanaUrlProblem', () => {
  it.each([
    'https://grafana.test',
    'http://grafana.internal:3000/sub/path/',
    'https://g.example.com/?orgId=2',
    'https://g.example.com/grafana/?orgId=2&x=%20',
  ])('accepts %j', (url) => expect(grafanaUrlProblem(url)).toBeUndefined());
  it.each([
    ['javascript:alert(1)', 'http:// or https://'],
    ['data:text/html,<b>x</b>', 'http:// or https://'],
    ['file:///etc/passwd', 'http:// or https://'],
    ['ftp://g.example.com', 'http:// or https://'],
    ['https://user:pass@g.example.com', 'user name or password'],
    ['https://token@g.example.com', 'user name or password'],
    ['https://g.example.com/{{ .Foo }}', '{{ or }}'],
    ['https://g.example.com/?x={{$labels.a}}', '{{ or }}'],
    ['https://g.example.com/#x', '#fragment'],
    ['https://g.example.com/a b', 'spaces'],
    ['https://g.example.com/\nx', 'spaces'],
    ['grafana.example.com', 'absolute URL'],
    ['/grafana', 'absolute URL'],
  ])('refuses %j', (url, message) => expect(grafanaUrlProblem(url)).toContain(message));
});

describe('runbookUrlPatternProblem', () => {
  it.each(['https://runbooks.test/%s', 'https://wiki.example.com/runbooks#%s', 'http://r.example.com/?alert=%s&x=%20'])(
    'accepts %j',
    (pattern) => expect(runbookUrlPatternProblem(pattern)).toBeUndefined(),
  );
  it.each([
    ['https://runbooks.test/', 'must contain %s'],
    ['https://runbooks.test/%s/%s', 'once'],
    ['https://runbooks.test/{{%s', '{{ or }}'],
    ['https://runbooks.test/{{ .Foo }}/%s', '{{ or }}'],
    ['https://runbooks.test/$labels.namespace/%s', '$labels'],
    ['javascript:alert(%s)', 'http:// or https://'],
    ['https://u:p@runbooks.test/%s', 'user name or password'],
  ])('refuses %j', (pattern, message) => expect(runbookUrlPatternProblem(pattern)).toContain(message));
});

describe('grafanaDashboardLink', () => {
  it('is <base>/d/<uid>?<params> for a plain base, with or without trailing slashes', () => {
    expect(grafanaDashboardLink(normalizedGrafanaUrl('https://grafana.test'), 'headroom-team', 'var-team=x')).toBe(
      'https://grafana.test/d/headroom-team?var-team=x',
    );
    expect(grafanaDashboardLink(normalizedGrafanaUrl('https://grafana.test//'), 'headroom-team', 'var-team=x')).toBe(
      'https://grafana.test/d/headroom-team?var-team=x',
    );
  });
  it('keeps a sub-path', () => {
    expect(grafanaDashboardLink(normalizedGrafanaUrl('https://g.example.com/grafana/'), 'u', 'a=1')).toBe(
      'https://g.example.com/grafana/d/u?a=1',
    );
  });
  it("puts the user's query parameters first, then ours", () => {
    expect(grafanaDashboardLink(normalizedGrafanaUrl('https://g.example.com/?orgId=2'), 'u', 'var-team=x')).toBe(
      'https://g.example.com/d/u?orgId=2&var-team=x',
    );
    expect(grafanaDashboardLink(normalizedGrafanaUrl('https://g.example.com/grafana/?orgId=2&kiosk'), 'u', '')).toBe(
      'https://g.example.com/grafana/d/u?orgId=2&kiosk',
    );
  });
  it('leaves a slash inside a query value alone', () => {
    expect(normalizedGrafanaUrl('https://g.example.com/?from=a/')).toBe('https://g.example.com?from=a/');
  });
});
