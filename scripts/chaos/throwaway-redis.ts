import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';

export interface ThrowawayRedis {
  url: string;
  /** Kills the server (everything in it is lost: nothing is persisted), waits, starts a new one. */
  restart(downMs: number): Promise<void>;
  /** Deletes every key (between scenarios). */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/** A redis-server of its own on `port` (never the machine's shared 6379), with no persistence. */
export async function startThrowawayRedis(port: number): Promise<ThrowawayRedis> {
  let child: ChildProcess;
  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    await waitFor(() => command(port, 'PING').then((r) => r.startsWith('+PONG')), 10_000);
  };
  const kill = async () => {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  };
  // Another server on the port would answer our PING, and FLUSHALL would empty it.
  if (await command(port, 'PING').catch(() => undefined))
    throw new Error(`port ${port} is in use (another chaos run?)`);
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    async restart(downMs) {
      await kill();
      await new Promise((r) => setTimeout(r, downMs));
      await start();
    },
    flush: async () => void (await command(port, 'FLUSHALL')),
    stop: kill,
  };
}

/** One inline command over a raw socket; enough for PING and FLUSHALL without a client library. */
function command(port: number, cmd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(2000, () => socket.destroy(new Error('timeout')));
    socket.once('error', reject);
    socket.once('data', (data) => {
      socket.end();
      resolve(data.toString());
    });
    socket.write(`${cmd}\r\n`);
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error('redis-server did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
}
