import { isIP } from 'node:net';
import { z } from 'zod';

/** What express's `trust proxy` setting takes: off, every hop, a hop count, or trusted addresses. */
export type TrustProxy = boolean | number | string[];

/** The names proxy-addr knows for address ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, an address/prefix (CIDR or netmask), or a range name. */
function isTrustEntry(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (/^\d{1,3}$/.test(prefix)) return Number(prefix) <= (family === 4 ? 32 : 128);
  return family === 4 && isIP(prefix) === 4;
}

/**
 * `TRUST_PROXY`, as express takes it: `false` (default: the socket's address is the client),
 * `true` (the left-most `X-Forwarded-For` address, for a proxy that overwrites the header), a hop
 * count, or a comma-separated list of proxies' addresses, CIDRs and range names (`loopback`,
 * `linklocal`, `uniquelocal`).
 */
export const trustProxyVar = z
  .string()
  .trim()
  .default('false')
  .transform((raw, ctx): TrustProxy => {
    if (raw === 'false' || raw === '') return false;
    if (raw === 'true') return true;
    if (/^\d+$/.test(raw)) return Number(raw);
    const entries = raw.split(',').map((e) => e.trim());
    const bad = entries.filter((e) => !isTrustEntry(e));
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `not an address, CIDR or range name (loopback, linklocal, uniquelocal): ${bad.join(', ')}`,
      });
      return z.NEVER;
    }
    return entries;
  })
  .describe(
    'Which proxies may tell the client address (X-Forwarded-For): false, true, a hop count, or addresses/CIDRs/loopback,linklocal,uniquelocal',
  );
