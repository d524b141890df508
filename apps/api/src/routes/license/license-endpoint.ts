import { type LicenseCredentials, LicenseRefusedError } from '@licensync/core/activations';
import { InvalidInputError, NotFoundError } from '@licensync/core/errors';
import type { ProductKeyring } from '@licensync/core/license-signing';
import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { WORKSPACE_HEADER } from '../admin/request-workspace';
import type { LicenseProduct } from './license-product-resolver';
import type { LicenseRateLimits } from './license-rate-limits';
import { REFUSAL_STATUS } from './license-refusal-status';
import { sendSigned } from './send-signed';

export interface EndpointDeps {
  resolveProduct: (slug: string | undefined, shortCode: string) => Promise<LicenseProduct | null>;
  keyring: ProductKeyring;
  limits: LicenseRateLimits;
  /** The clock; tests move it. */
  now: () => Date;
}

type Body = {
  product: string;
  nonce?: string | undefined;
  license_key?: string | undefined;
  email?: string | undefined;
  password?: string | undefined;
};

export const credentialsOf = (b: Body): LicenseCredentials =>
  b.license_key !== undefined
    ? { licenseKey: b.license_key }
    : { email: b.email ?? '', password: b.password ?? '' };

type Outcome = { answer: Record<string, unknown> } | { err: unknown };

const fieldsOf = (error: z.ZodError) =>
  Object.fromEntries(error.issues.map((i) => [i.path.join('.') || 'body', i.message]));

/**
 * One license API endpoint as a row of guard clauses: parse → product → rate limit → run →
 * signed answer. What the call means is decided in core; a refusal is answered (signed) with its
 * reason code and status, and nothing the caller sent can reach a 5xx.
 */
export function licenseEndpoint<S extends z.ZodType<Body>>(
  deps: EndpointDeps,
  schema: S,
  run: (body: z.output<S>, target: LicenseProduct, now: Date) => Promise<Record<string, unknown>>,
  /** `readOnly`: the call writes nothing that matters if it is then refused for the rate limit. */
  options: { readOnly?: boolean } = {},
): RequestHandler {
  return async (req, res) => {
    const parsed = schema.safeParse(req.body);
    if (!parsed.success) {
      return void res
        .status(400)
        .json({ ok: false, reason: 'invalid_request', fields: fieldsOf(parsed.error) });
    }
    const body = parsed.data;
    const target = await deps.resolveProduct(req.get(WORKSPACE_HEADER), body.product);
    if (!target)
      return void res
        .status(404)
        .json({ ok: false, reason: 'unknown_product', message: `no product ${body.product}` });
    const rateKey = body.license_key ?? (body.email ?? '').trim().toLowerCase();
    const limited = deps.limits.consume(req.ip ?? req.socket.remoteAddress ?? 'unknown', rateKey);
    const key = await deps.keyring.keyFor(target.workspaceId, target.product.id);
    const now = deps.now();
    const echo = { nonce: body.nonce ?? null, server_time: now.toISOString() };
    // A read runs while the limits are counted (one round trip less on the hot path) and its answer
    // is dropped when limited; anything that writes waits for the limits first.
    const attempt = () =>
      run(body, target, now).then(
        (answer): Outcome => ({ answer }),
        (err: unknown): Outcome => ({ err }),
      );
    let wait: number | null;
    let outcome: Outcome;
    if (options.readOnly) {
      [wait, outcome] = await Promise.all([limited, attempt()]);
    } else {
      wait = await limited;
      outcome = wait === null ? await attempt() : { answer: {} };
    }
    if (wait !== null) {
      return void res
        .status(429)
        .set('Retry-After', String(wait))
        .json({ ok: false, reason: 'rate_limited', message: `too many requests; retry in ${wait} s` });
    }
    if ('answer' in outcome) return sendSigned(res, 200, { ok: true, ...outcome.answer, ...echo }, key);
    const { err } = outcome;
    if (err instanceof LicenseRefusedError) {
      const { reason, message, detail } = err.refusal;
      const license = err.license === undefined ? {} : { license: err.license };
      const refusal = { ok: false, reason, message, detail: detail ?? {}, ...license, ...echo };
      return sendSigned(res, REFUSAL_STATUS[reason], refusal, key);
    }
    if (err instanceof InvalidInputError) {
      return void res.status(400).json({ ok: false, reason: 'invalid_request', fields: err.fields });
    }
    if (err instanceof NotFoundError) {
      return void res.status(404).json({ ok: false, reason: 'not_found', message: err.message });
    }
    throw err;
  };
}
