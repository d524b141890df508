import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServiceProcess {
  readonly name: string;
  readonly pid: number | undefined;
  /** Started and, with `readyLine`, printed it; false again once killed or stopped. */
  readonly ready: boolean;
  /** SIGKILL: no shutdown hooks, in-flight jobs keep their locks until they expire. */
  kill(): Promise<void>;
  /** A new process with the same environment; resolves once it printed `readyLine`, if given. */
  start(): Promise<void>;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * `apps/<app>/src/main.ts` as a real process under tsx, with `env` on top of the harness's own
 * environment; output goes to `<logDir>/<name>.log`. The process is ours: only it is ever signalled.
 */
export function serviceProcess(opts: {
  name: string;
  app: 'api' | 'worker';
  env: Record<string, string>;
  logDir: string;
  /** Text of the log line that says the process is up, e.g. `"msg":"worker started"`. */
  readyLine?: string;
}): ServiceProcess {
  let child: ChildProcess | undefined;
  let ready = false;
  const log = createWriteStream(path.join(opts.logDir, `${opts.name}.log`), { flags: 'a' });
  const exited = (c: ChildProcess) =>
    c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise((r) => c.once('exit', r));
  return {
    name: opts.name,
    get pid() {
      return child?.pid;
    },
    get ready() {
      return ready;
    },
    async start() {
      const c = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: path.join(ROOT, 'apps', opts.app),
        env: { ...process.env, ...opts.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      c.stdout?.pipe(log, { end: false });
      c.stderr?.pipe(log, { end: false });
      child = c;
      ready = false;
      const { readyLine } = opts;
      if (!readyLine) {
        ready = true;
        return;
      }
      await new Promise<void>((resolve, reject) => {
        let tail = '';
        const timer = setTimeout(() => done(new Error(`${opts.name} did not start within 60 s`)), 60_000);
        const onData = (chunk: Buffer) => {
          tail = (tail + chunk.toString()).slice(-4096);
          if (tail.includes(readyLine)) done();
        };
        const onExit = () => done(new Error(`${opts.name} exited before it was ready`));
        const done = (err?: Error) => {
          clearTimeout(timer);
          c.stdout?.off('data', onData);
          c.off('exit', onExit);
          if (err) return reject(err);
          ready = child === c;
          resolve();
        };
        c.stdout?.on('data', onData);
        c.once('exit', onExit);
      });
    },
    async kill() {
      if (!child) return;
      const c = child;
      ready = false;
      c.kill('SIGKILL');
      await exited(c);
    },
    async stop(graceMs = 10_000) {
      if (!child) return;
      const c = child;
      ready = false;
      c.kill('SIGTERM');
      const timer = setTimeout(() => c.kill('SIGKILL'), graceMs);
      await exited(c);
      clearTimeout(timer);
    },
  };
}
