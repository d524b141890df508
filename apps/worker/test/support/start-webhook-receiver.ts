import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  body: { id: string; type: string; created: number; workspace: string; data: Record<string, unknown> };
  /** Whether `Licensync-Signature` matched the secret, checked as a vendor would. */
  verified: boolean;
  status: number;
}

/**
 * A vendor's endpoint on 127.0.0.1: verifies each POST's signature with node:crypto and answers
 * with `answer(body)` (default 200), keeping every request it saw.
 */
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  const state = {
    secret: '',
    answer: (_body: ReceivedWebhook['body']): number => 200,
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = JSON.parse(raw) as ReceivedWebhook['body'];
      const status = state.answer(body);
      received.push({
        body,
        verified: verifySignature(state.secret, raw, req.headers['licensync-signature']),
        status,
      });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The README's verification recipe: recompute the HMAC over "<t>.<raw body>", compare in constant time, refuse old t. */
function verifySignature(secret: string, raw: string, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string') return false;
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > 300 || !parts.v1) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${raw}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
