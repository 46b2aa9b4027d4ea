// Polls every ruler's rules API (/api/v1/rules: Prometheus and vmalert both serve it) during the run and keeps every
// rule that reported an unhealthy state or an error, so an error that lasts one evaluation (a many-to-many match while
// ownership changes) is not missed.
import type { Ruler } from './stack.ts';

interface ApiRule {
  name: string;
  type?: string;
  health?: string;
  lastError?: string;
}

interface ApiGroup {
  name: string;
  rules: ApiRule[];
}

export class RuleHealth {
  /** Per ruler: "group / rule: health, lastError" → first seen (ms since the epoch). */
  private readonly problems = new Map<string, Map<string, number>>();
  /** Per ruler: polls that returned rules. */
  private readonly polls = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly rulers: readonly Ruler[]) {}

  start(intervalMs = 5_000): void {
    const poll = () => void Promise.all(this.rulers.map((ruler) => this.poll(ruler)));
    poll();
    this.timer = setInterval(poll, intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Polls now; then the report for `ruler`. */
  async report(ruler: Ruler): Promise<{ polls: number; rules: number; problems: string[] }> {
    const rules = await this.poll(ruler);
    return {
      polls: this.polls.get(ruler.name) ?? 0,
      rules,
      problems: [...(this.problems.get(ruler.name)?.keys() ?? [])],
    };
  }

  private async poll(ruler: Ruler): Promise<number> {
    let groups: ApiGroup[];
    try {
      const body = (await (
        await fetch(`${ruler.url}/api/v1/rules`, { signal: AbortSignal.timeout(4_000) })
      ).json()) as { data: { groups: ApiGroup[] } };
      groups = body.data.groups;
    } catch (error) {
      this.note(ruler, `rules API: ${(error as Error).message}`);
      return 0;
    }
    this.polls.set(ruler.name, (this.polls.get(ruler.name) ?? 0) + 1);
    let count = 0;
    for (const group of groups) {
      for (const rule of group.rules) {
        count += 1;
        const error = rule.lastError ?? '';
        // A rule not evaluated yet reports health "unknown" with no error.
        if (error !== '' || (rule.health !== 'ok' && rule.health !== 'unknown'))
          this.note(ruler, `${group.name} / ${rule.name}: health ${rule.health}, lastError ${JSON.stringify(error)}`);
      }
    }
    return count;
  }

  private note(ruler: Ruler, problem: string): void {
    const seen = this.problems.get(ruler.name) ?? new Map<string, number>();
    if (!seen.has(problem)) seen.set(problem, Date.now());
    this.problems.set(ruler.name, seen);
  }
}
