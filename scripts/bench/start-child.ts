import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';

export interface Child {
  name: string;
  process: ChildProcess;
  /** The last lines it wrote, for the error message when it dies early. */
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it exited. */
  stop(graceMs?: number): Promise<void>;
  /** Sends `message` over IPC and resolves with the first reply whose `type` is `replyType`. */
  ask<T>(message: unknown, replyType: string, timeoutMs?: number): Promise<T>;
}

const running = new Set<Child>();

export interface StartChildOptions {
  name: string;
  /** Node arguments: flags, then the entry file and its arguments. */
  args: string[];
  env: Record<string, string | undefined>;
  /** Default: this process's working directory. */
  cwd?: string;
  /** Resolve once this loopback port accepts connections. */
  port?: number;
  /** Resolve once a line of output matches. */
  readyLine?: RegExp;
  readyTimeoutMs?: number;
  /** Keep an IPC channel (for `process.send`). */
  ipc?: boolean;
}

/** Starts a node process and waits until it is ready; every child is stopped by `stopAllChildren`. */
export async function startChild(opts: StartChildOptions): Promise<Child> {
  const proc = spawn(process.execPath, opts.args, {
    env: { ...process.env, ...opts.env },
    cwd: opts.cwd,
    stdio: ['ignore', 'pipe', 'pipe', ...(opts.ipc ? (['ipc'] as const) : [])],
    // Structured clone over IPC: Dates and Buffers arrive as themselves.
    serialization: 'advanced',
  });
  let tail = '';
  let readyLineSeen = false;
  const onData = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-16_000);
    if (opts.readyLine?.test(tail)) readyLineSeen = true;
    if (process.env.BENCH_VERBOSE) process.stderr.write(`[${opts.name}] ${chunk}`);
  };
  proc.stdout?.on('data', onData);
  proc.stderr?.on('data', onData);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const child: Child = {
    name: opts.name,
    process: proc,
    output: () => tail,
    async stop(graceMs = 5000) {
      running.delete(child);
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
    ask: (message, replyType, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          proc.off('message', onMessage);
          reject(new Error(`${opts.name} did not answer ${replyType} within ${timeoutMs} ms`));
        }, timeoutMs);
        const onMessage = (reply: { type?: string }) => {
          if (reply?.type !== replyType) return;
          clearTimeout(timer);
          proc.off('message', onMessage);
          resolve(reply as never);
        };
        proc.on('message', onMessage);
        proc.send(message as never);
      }),
  };
  running.add(child);

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 30_000);
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${opts.name} exited with ${proc.exitCode}:\n${tail}`);
    const ready =
      (opts.readyLine === undefined || readyLineSeen) &&
      (opts.port === undefined || (await portOpen(opts.port)));
    if (ready) return child;
    if (Date.now() > deadline) {
      await child.stop(500);
      throw new Error(`${opts.name} was not ready within ${opts.readyTimeoutMs ?? 30_000} ms:\n${tail}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Stops every child still running (on success, failure and the overall deadline alike). */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((c) => c.stop(3000)));
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
