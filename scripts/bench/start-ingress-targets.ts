import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './free-port';
import { type Child, startChild } from './start-child';

export interface IngressTarget {
  name: 'licensync' | 'plain' | 'bare';
  url: string;
  child: Child;
}

export interface IngressTargetsOptions {
  root: string;
  databaseUrl: string;
  redisUrl: string;
  /** BullMQ prefix of the licensync api. */
  queuePrefix: string;
  secret: string;
  /** Write a V8 CPU profile of the licensync api here when it stops. */
  profileDir?: string;
}

/** `../shared/bench/plain-ingress.mjs`, relative to the repository root (where it must be run from). */
export function yardstickScript(root: string): string {
  const file = path.resolve(root, '../shared/bench/plain-ingress.mjs');
  if (!existsSync(file)) throw new Error(`the ingress yardstick is missing: ${file}`);
  return file;
}

/** Starts licensync's api and the two yardsticks side by side, each in its own process. */
export async function startIngressTargets(opts: IngressTargetsOptions): Promise<IngressTarget[]> {
  const script = yardstickScript(opts.root);
  const [apiPort, plainPort, barePort] = [await freePort(), await freePort(), await freePort()];
  const common = {
    DATABASE_URL: opts.databaseUrl,
    REDIS_URL: opts.redisUrl,
    STRIPE_WEBHOOK_SECRET: opts.secret,
  };
  const profile = opts.profileDir ? ['--cpu-prof', '--cpu-prof-dir', opts.profileDir] : [];
  const [licensync, plain, bare] = await Promise.all([
    startChild({
      name: 'licensync api',
      args: [...profile, '--import', 'tsx', path.join(opts.root, 'apps/api/src/main.ts')],
      env: { ...common, PORT: String(apiPort), QUEUE_PREFIX: opts.queuePrefix, LOG_LEVEL: 'warn' },
      port: apiPort,
      cwd: opts.root,
    }),
    startChild({
      name: 'plain',
      args: [script, 'plain'],
      env: { ...common, PORT: String(plainPort) },
      port: plainPort,
      cwd: opts.root,
    }),
    startChild({
      name: 'bare',
      args: [script, 'bare'],
      env: { ...common, PORT: String(barePort) },
      port: barePort,
      cwd: opts.root,
    }),
  ]);
  const url = (port: number) => `http://127.0.0.1:${port}/webhooks/stripe`;
  return [
    { name: 'licensync', url: url(apiPort), child: licensync },
    { name: 'plain', url: url(plainPort), child: plain },
    { name: 'bare', url: url(barePort), child: bare },
  ];
}
