// Checks that several scenarios state, on the pages one ruler's Alertmanager delivered.
import { describePage, type Match, type Page } from '../harness/pages.ts';
import type { World } from '../harness/world.ts';
import { receiverOf, type Check } from './scenario.ts';

/** No page of an alert matching `match` (optionally: none that started after `afterSeconds`). */
export function noPage(title: string, match: Match, afterSeconds?: number): Check {
  return {
    title,
    problems: (pages, world) =>
      pages
        .pages(match)
        .filter((page) => afterSeconds === undefined || page.startsAt > world.time(afterSeconds))
        .map((page) => `unexpected page ${describePage(page, world.startedAt)}`),
  };
}

/**
 * Exactly one page of an alert matching `match`, at the receiver of `team`, carrying that team, the cluster and the
 * severity: one alert per incident, at its owner, named as the owner's.
 */
export function onePage(
  title: string,
  match: Match,
  expected: { team: string; cluster: string; severity: string },
): Check {
  return {
    title,
    problems: (pages, world) => {
      const found = pages.pages(match);
      const listed = found.map((page) => `\n  ${describePage(page, world.startedAt)}`).join('');
      const problems = found.length === 1 ? [] : [`${found.length} pages, expected 1${listed}`];
      for (const page of found) problems.push(...wrongOwner(page, expected, world));
      return problems;
    },
  };
}

/** Every page of an alert matching `match` reached the receiver of its `team` label, and only that one. */
export function routedByTeam(title: string, match: Match): Check {
  return {
    title,
    problems: (pages, world) =>
      pages.pages(match).flatMap((page) => {
        const want = receiverOf(page.labels.team ?? '', page.labels.severity ?? '');
        return page.receivers.length === 1 && page.receivers[0] === want
          ? []
          : [`expected only at ${want}: ${describePage(page, world.startedAt)}`];
      }),
  };
}

export function wrongOwner(
  page: Page,
  expected: { team: string; cluster?: string; severity?: string },
  world: World,
): string[] {
  const problems: string[] = [];
  const receiver = receiverOf(expected.team, expected.severity ?? page.labels.severity ?? '');
  if (page.labels.team !== expected.team)
    problems.push(`team="${page.labels.team}", expected "${expected.team}": ${describePage(page, world.startedAt)}`);
  if (page.receivers.length !== 1 || page.receivers[0] !== receiver)
    problems.push(`expected only at ${receiver}: ${describePage(page, world.startedAt)}`);
  if (expected.cluster !== undefined && page.labels.cluster !== expected.cluster)
    problems.push(
      `cluster="${page.labels.cluster}", expected "${expected.cluster}": ${describePage(page, world.startedAt)}`,
    );
  if (expected.severity !== undefined && page.labels.severity !== expected.severity)
    problems.push(
      `severity="${page.labels.severity}", expected "${expected.severity}": ${describePage(page, world.startedAt)}`,
    );
  return problems;
}
