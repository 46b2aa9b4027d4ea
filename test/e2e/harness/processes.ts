// The servers of the end-to-end test: each one started by path on 127.0.0.1 with a free port and a temp data folder,
// waited for until it answers, and stopped by its pid (SIGTERM, then SIGKILL) — in afterAll, on a failure, on Ctrl-C
// of the test run, and, should the test process itself be killed, by a watchdog shell that outlives it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Server {
  name: string;
  pid: number;
  port: number;
  /** http://127.0.0.1:<port> */
  url: string;
  /** Its stdout and stderr. */
  log: string;
}

const STOP_GRACE_MS = 5_000;

/** A port nobody listens on now (the kernel's choice), for a server to take. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export class Processes {
  /** Every folder and process this run made, so that stopAll() leaves nothing behind. */
  readonly root = mkdtempSync(join(tmpdir(), 'headroom-e2e-'));
  private readonly children = new Map<number, { child: ChildProcess; name: string; log: string }>();
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.killAllNow();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  private readonly onExit = () => this.killAllNow();

  constructor() {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, this.onSignal);
    process.once('exit', this.onExit);
  }

  /** A new empty folder under this run's temp root. */
  folder(name: string): string {
    return mkdtempSync(join(this.root, `${name}-`));
  }

  /**
   * Starts `binary` with `args` and resolves once `readyPath` on its port answers 200 (or rejects with its log when
   * it exits or does not answer within `timeoutMs`).
   */
  async start(
    name: string,
    binary: string,
    args: string[],
    port: number,
    readyPath: string,
    timeoutMs = 60_000,
  ): Promise<Server> {
    const log = join(this.root, `${name}.log`);
    const out = createWriteStream(log);
    const child = spawn(binary, args, { cwd: this.root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
    if (child.pid === undefined) {
      const error = await new Promise<Error>((resolve) => child.once('error', resolve));
      throw new Error(`${name}: cannot start ${binary}: ${error.message}`);
    }
    const pid = child.pid;
    this.children.set(pid, { child, name, log });
    this.watchdog(pid);
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        this.children.delete(pid);
        throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${tail(log)}`);
      }
      if (await answers(`${url}${readyPath}`)) return { name, pid, port, url, log };
      await sleep(250);
    }
    await this.stop(pid);
    throw new Error(`${name} did not answer ${url}${readyPath} within ${timeoutMs / 1000} s:\n${tail(log)}`);
  }

  /** SIGTERM, then SIGKILL after a grace period; resolves once the process is gone. */
  async stop(pid: number): Promise<void> {
    const entry = this.children.get(pid);
    if (entry === undefined) return;
    const { child } = entry;
    const exited = new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
    this.children.delete(pid);
  }

  /** Stops every server (in parallel), then removes the temp folders unless E2E_KEEP is set. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.children.keys()].map((pid) => this.stop(pid)));
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.off(signal, this.onSignal);
    process.off('exit', this.onExit);
    if (process.env.E2E_KEEP === undefined) rmSync(this.root, { recursive: true, force: true });
  }

  /** The pids still running (a test asserts none is left). */
  running(): number[] {
    return [...this.children.keys()];
  }

  /** On a signal or an exit without stopAll(): SIGKILL every server, then remove the temp folders. */
  private killAllNow(): void {
    for (const pid of this.children.keys()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    this.children.clear();
    if (process.env.E2E_KEEP === undefined) rmSync(this.root, { recursive: true, force: true });
  }

  /**
   * A detached shell that ends the server if this test process dies without stopping it (SIGKILL, a crashed worker):
   * it polls both pids each second and exits as soon as the server is gone.
   */
  private watchdog(pid: number): void {
    const script =
      `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${pid} 2>/dev/null; do sleep 1; done; ` +
      `if kill -0 ${pid} 2>/dev/null; then kill -TERM ${pid}; sleep 5; kill -KILL ${pid} 2>/dev/null; fi`;
    spawn('/bin/sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The last lines of a log, for an error message. */
function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
