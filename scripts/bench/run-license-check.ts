import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { deleteRedisKeys } from './bench-database';
import { driveLicenseChecks } from './drive-license-checks';
import type { LoadResult } from './drive-signed-load';
import { freePort } from './free-port';
import { describe } from './run-ingress';
import { startChild } from './start-child';

export interface LicenseCheckFigures {
  licenses: number;
  /** Median over rounds. */
  licensyncFull: LoadResult;
  bareFull: LoadResult;
  licensyncFixed: LoadResult;
  bareFixed: LoadResult;
  fixedRate: number;
  /** licensync ÷ bare express throughput at full speed, per round, then the median. */
  ratioToBare: number;
  rounds: number;
}

const ADMIN_TOKEN = 'bench-admin-token-0123456789';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const medianBy = (rs: LoadResult[]) => [...rs].sort((a, b) => a.p99Ms - b.p99Ms)[Math.floor(rs.length / 2)]!;

async function admin(url: string, method: string, p: string, body?: unknown) {
  const res = await fetch(`${url}/api/v1${p}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * `/license/v1/check` against a bare express handler in the same run: `licenses` activated
 * licenses are checked in turn, at full speed (the ratio) and at a fixed offered rate (the p99
 * goal). The api runs as in production (its own process, write-behind of last checks on).
 */
export async function runLicenseCheck(opts: {
  root: string;
  databaseUrl: string;
  redisUrl: string;
  licenses: number;
  rounds: number;
  durationS: number;
  warmUpS: number;
  connections: number;
  fixedRate: number;
  /** Write a V8 CPU profile of the api here (`--cpu-prof`), read with summarize-profile.ts. */
  profileDir?: string;
  log(line: string): void;
}): Promise<LicenseCheckFigures> {
  const queuePrefix = `benchlic${randomBytes(3).toString('hex')}`;
  const [apiPort, barePort] = [await freePort(), await freePort()];
  const [api, bare] = await Promise.all([
    startChild({
      name: 'licensync api',
      args: [
        ...(opts.profileDir ? ['--cpu-prof', '--cpu-prof-dir', opts.profileDir] : []),
        '--import',
        'tsx',
        path.join(opts.root, 'apps/api/src/main.ts'),
      ],
      env: {
        DATABASE_URL: opts.databaseUrl,
        REDIS_URL: opts.redisUrl,
        PORT: String(apiPort),
        QUEUE_PREFIX: queuePrefix,
        ADMIN_TOKEN,
        LOG_LEVEL: 'warn',
        // The bench is one address checking few keys: the limits would answer 429, not the check.
        LICENSE_API_RATE_PER_IP: '1000000000',
        LICENSE_API_RATE_PER_KEY: '1000000000',
      },
      port: apiPort,
      cwd: opts.root,
    }),
    startChild({
      name: 'bare express',
      args: ['--import', 'tsx', path.join(opts.root, 'scripts/bench/bare-check.main.ts')],
      env: { PORT: String(barePort) },
      port: barePort,
      cwd: opts.root,
    }),
  ]);
  try {
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const bareUrl = `http://127.0.0.1:${barePort}`;
    await admin(apiUrl, 'POST', '/catalog/import', {
      products: [
        {
          short_code: 'bench-app',
          name: 'Bench app',
          authorization_method: 'license-key',
          features: [{ code: 'export', name: 'Export' }],
          policies: [
            {
              code: 'perp',
              name: 'Perpetual',
              license_type: 'perpetual',
              is_default: true,
              features: ['export'],
            },
          ],
        },
      ],
    });
    const keys: string[] = [];
    while (keys.length < opts.licenses) {
      const order = (await admin(apiUrl, 'POST', '/orders', {
        customer: { email: `bench${keys.length}@example.com` },
        product: 'bench-app',
        quantity: Math.min(50, opts.licenses - keys.length),
      })) as { licenses: { key: string }[] };
      for (const l of order.licenses) keys.push(l.key);
    }
    for (const key of keys) {
      const res = await fetch(`${apiUrl}/license/v1/activate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ product: 'bench-app', license_key: key, hardware_id: 'bench-hw' }),
      });
      if (!res.ok) throw new Error(`activate: ${res.status} ${await res.text()}`);
    }
    opts.log(`  ${keys.length} licenses activated`);
    const drive = (url: string, durationS: number, overallRate?: number) =>
      driveLicenseChecks({
        url,
        product: 'bench-app',
        keys,
        hardwareId: 'bench-hw',
        connections: opts.connections,
        durationS,
        overallRate,
      });
    await drive(apiUrl, opts.warmUpS);
    await drive(bareUrl, opts.warmUpS);

    const got: Record<string, LoadResult[]> = { lf: [], bf: [], lx: [], bx: [] };
    const ratios: number[] = [];
    for (let round = 1; round <= opts.rounds; round++) {
      const lf = await drive(apiUrl, opts.durationS);
      const bf = await drive(bareUrl, opts.durationS);
      ratios.push(lf.okPerSecond / bf.okPerSecond);
      const lx = await drive(apiUrl, opts.durationS, opts.fixedRate);
      const bx = await drive(bareUrl, opts.durationS, opts.fixedRate);
      opts.log(`  round ${round} licensync full speed: ${describe(lf)}; bare express: ${describe(bf)}`);
      opts.log(
        `  round ${round} licensync ${opts.fixedRate}/s offered: ${describe(lx)}; bare express: ${describe(bx)}`,
      );
      got.lf!.push(lf);
      got.bf!.push(bf);
      got.lx!.push(lx);
      got.bx!.push(bx);
    }
    return {
      licenses: keys.length,
      licensyncFull: medianBy(got.lf!),
      bareFull: medianBy(got.bf!),
      licensyncFixed: medianBy(got.lx!),
      bareFixed: medianBy(got.bx!),
      fixedRate: opts.fixedRate,
      ratioToBare: median(ratios),
      rounds: opts.rounds,
    };
  } finally {
    await api.stop();
    await bare.stop();
    await deleteRedisKeys(queuePrefix);
  }
}
