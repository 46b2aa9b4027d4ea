// What a scenario drives: the fake clusters of the loopback exporter, and a clock that starts when the scenario does.
import type { Exporter, TargetKind } from './exporter.ts';
import { FakeCluster } from './kube.ts';
import { sleep } from './processes.ts';

export class World {
  readonly startedAt = Date.now();

  constructor(private readonly exporter: Exporter) {}

  cluster(name: string): FakeCluster {
    return new FakeCluster(this.exporter, name);
  }

  /** Seconds since the scenario started. */
  now(): number {
    return (Date.now() - this.startedAt) / 1000;
  }

  /** Sleeps until `seconds` after the scenario started (at once if that has passed). */
  async at(seconds: number): Promise<void> {
    await sleep(Math.max(0, this.startedAt + seconds * 1000 - Date.now()));
  }

  /** The epoch ms of `seconds` after the start, to compare with notification times and startsAt. */
  time(seconds: number): number {
    return this.startedAt + seconds * 1000;
  }

  /**
   * Resolves after `count` scrapes of the target answered after this call (the first already shows every change made
   * before it).
   */
  async scrapes(cluster: string, kind: TargetKind, count = 1): Promise<void> {
    for (let i = 0; i < count; i++) await this.exporter.nextScrape(cluster, kind);
  }

  /** The targets stop answering, or answer again. */
  setDown(cluster: string, kinds: readonly TargetKind[], down: boolean): void {
    this.exporter.setDown(cluster, kinds, down);
  }
}
