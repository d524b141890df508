import { isIP } from 'node:net';

/**
 * True when `host` only accepts connections from this machine: `localhost`, 127.0.0.0/8 or ::1.
 * Anything else (0.0.0.0, ::, a LAN address, a host name) is reachable from elsewhere.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || /^(0{0,4}:){7}0{0,3}1$/.test(h) || /^::ffff:127\./.test(h);
  return false;
}
