import { createHash, type KeyObject } from 'node:crypto';
import { type CheckStore, memoryCheckStore } from './check-store.js';
import { decideGrace } from './decide-grace.js';
import { LicenseRefusedError, LicenseUnreachableError } from './errors.js';
import { type OfflineLicenseFile, type OfflineVerdict, verifyOfflineLicenseFile } from './offline-file.js';
import { type Answer, createSignedPost } from './signed-request.js';
import type { Activation, CheckResult, FloatingLease, LicenseCredentials, LicenseState } from './types.js';
import { signatureHolds, toPublicKey } from './verify-signature.js';

export interface LicenseClientOptions {
  /** Where licensync's api is reached, e.g. `https://licenses.example.com`. */
  baseUrl: string;
  /** The product's short code. */
  product: string;
  /** The product's Ed25519 public key (SPKI PEM), shipped inside the app: answers not signed by it are refused. */
  publicKeyPem: string;
  credentials: LicenseCredentials;
  /** This machine's fingerprint, stable across runs. */
  hardwareId: string;
  appVersion?: string;
  os?: string;
  /** The workspace's slug, when the server hosts several. */
  workspace?: string;
  /** How long the last good check keeps the app working while the server cannot be reached, in ms. Default: 7 days. */
  graceMs?: number;
  /** Where the last good check is kept. Default: in memory (`fileCheckStore(dir)` survives restarts). */
  store?: CheckStore;
  /** Per request, in ms. Default: 10 s. */
  timeoutMs?: number;
  /** For tests and other runtimes. Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** The clock the grace period is measured with. Default: `() => new Date()`. */
  now?: () => Date;
}

/**
 * What the store keeps: the server's exact bytes and signature, verified again when read, and
 * the latest local time the license was seen working (to notice a clock set back).
 */
interface KeptCheck {
  body: string;
  signature: string;
  lastSeenAt?: string;
}

type KeptBody = {
  license: LicenseState;
  activation?: { id: string | null; hardware_id?: string };
  server_time: string;
};

const DAY_MS = 86_400_000;

export type LicenseClient = ReturnType<typeof createLicenseClient>;

/**
 * A client for one product on one machine. Every answer must carry a valid signature under the
 * pinned key and echo the request's nonce; refusals come as `LicenseRefusedError` with the
 * server's reason code. `check()` falls back on the last good check for `graceMs` when the server
 * cannot be reached, never when it refuses.
 */
export function createLicenseClient(options: LicenseClientOptions) {
  const key: KeyObject = toPublicKey(options.publicKeyPem);
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const store = options.store ?? memoryCheckStore();
  const graceMs = options.graceMs ?? 7 * DAY_MS;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const now = options.now ?? (() => new Date());
  const creds =
    'licenseKey' in options.credentials
      ? { license_key: options.credentials.licenseKey }
      : { email: options.credentials.email, password: options.credentials.password };
  const who =
    'licenseKey' in options.credentials ? options.credentials.licenseKey : options.credentials.email;
  const storeKey = createHash('sha256')
    .update(`${options.product}\n${options.hardwareId}\n${who}`)
    .digest('hex')
    .slice(0, 32);

  const post = createSignedPost({
    base,
    doFetch,
    key,
    timeoutMs,
    workspace: options.workspace,
    payload: {
      product: options.product,
      hardware_id: options.hardwareId,
      ...(options.appVersion && { app_version: options.appVersion }),
      ...(options.os && { os: options.os }),
      ...creds,
    },
    now,
  });

  /** The later of two times, so that `lastSeenAt` never moves back. */
  const latest = (a: Date | null, b: Date) => (a && a.getTime() > b.getTime() ? a : b);

  async function keep(answer: Answer<unknown>): Promise<void> {
    const before = await loadKept();
    await save(
      { body: Buffer.from(answer.bytes).toString('base64'), signature: answer.signature },
      latest(before?.lastSeenAt ?? null, now()),
    );
  }

  async function save(kept: KeptCheck, lastSeenAt: Date): Promise<void> {
    await store.save(storeKey, JSON.stringify({ ...kept, lastSeenAt: lastSeenAt.toISOString() }));
  }

  /** The kept check, if its signature still holds (a hand-edited file does not). */
  async function loadKept(): Promise<{ raw: KeptCheck; body: KeptBody; lastSeenAt: Date | null } | null> {
    const raw = await store.load(storeKey);
    if (!raw) return null;
    try {
      const kept = JSON.parse(raw) as KeptCheck;
      const bytes = Buffer.from(kept.body, 'base64');
      if (!signatureHolds(bytes, kept.signature, key)) return null;
      const seen = kept.lastSeenAt ? new Date(kept.lastSeenAt) : null;
      return {
        raw: kept,
        body: JSON.parse(bytes.toString('utf8')) as KeptBody,
        lastSeenAt: seen && !Number.isNaN(seen.getTime()) ? seen : null,
      };
    } catch {
      return null;
    }
  }

  const toResult = (body: KeptBody, source: CheckResult['source'], graceUntil: Date | null): CheckResult => ({
    license: body.license,
    activation: { id: body.activation?.id ?? null, hardware_id: options.hardwareId },
    source,
    checkedAt: new Date(body.server_time),
    graceUntil,
  });

  /** Refusals mean the license no longer works here: the kept check must not outlive them. */
  async function forgetOnRefusal<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (err instanceof LicenseRefusedError) await store.clear(storeKey);
      throw err;
    }
  }

  return {
    /** Takes (or confirms) this machine's seat; the answer also counts as a good check. */
    async activate(): Promise<{ activation: Activation; created: boolean; license: LicenseState }> {
      const answer = await forgetOnRefusal(() =>
        post<{ activation: Activation; created: boolean; license: LicenseState }>('/activate'),
      );
      await keep(answer);
      return {
        activation: answer.body.activation,
        created: answer.body.created,
        license: answer.body.license,
      };
    },

    /**
     * The license's state from the server, kept as the last good check. While the server cannot
     * be reached, the kept check stands in until `graceMs` after the server vouched for it.
     */
    async check(): Promise<CheckResult> {
      try {
        const answer = await forgetOnRefusal(() =>
          post<{ license: LicenseState; activation: { id: string | null } }>('/check'),
        );
        await keep(answer);
        return toResult(answer.body, 'online', null);
      } catch (err) {
        if (!(err instanceof LicenseUnreachableError)) throw err;
        const kept = await loadKept();
        const at = now();
        const verdict = decideGrace(
          kept
            ? {
                license: kept.body.license,
                checkedAt: new Date(kept.body.server_time),
                hardwareId: kept.body.activation?.hardware_id ?? null,
                lastSeenAt: kept.lastSeenAt,
              }
            : null,
          graceMs,
          at,
          options.hardwareId,
        );
        if (!verdict.usable) {
          throw new LicenseUnreachableError(
            `${err.message}; ${verdict.why}`,
            kept ? new Date(kept.body.server_time) : null,
            err.retryAfterS,
          );
        }
        await save(kept!.raw, latest(kept!.lastSeenAt, at));
        return toResult(kept!.body, 'grace', verdict.graceUntil);
      }
    },

    /** Frees this machine's seat, and forgets the kept check. */
    async deactivate(): Promise<{ deactivated: boolean }> {
      const answer = await post<{ deactivated: boolean }>('/deactivate');
      await store.clear(storeKey);
      return { deactivated: answer.body.deactivated };
    },

    /** Borrows a floating seat, leased for the policy's floating timeout. */
    async borrow(): Promise<FloatingLease> {
      return (await forgetOnRefusal(() => post<{ lease: FloatingLease }>('/floating/borrow'))).body.lease;
    },

    /** Renews the lease; `lease_expired` (a `LicenseRefusedError`) means borrow again. */
    async heartbeat(): Promise<FloatingLease> {
      return (await post<{ lease: FloatingLease }>('/floating/heartbeat')).body.lease;
    },

    /** Gives the floating seat back. */
    async release(): Promise<{ released: boolean }> {
      const answer = await post<{ released: boolean }>('/floating/release');
      return { released: answer.body.released };
    },

    /** Adds `amount` to a consumption license; answers the new total. */
    async consume(
      amount: number,
    ): Promise<{ total: number; overage: number; max_consumptions: number | null }> {
      const answer = await post<{
        consumption: { total: number; overage: number; max_consumptions: number | null };
      }>('/consumption', { amount });
      return answer.body.consumption;
    },

    /** A signed license file for this machine, to use with `verifyOffline` where there is no network. */
    async offline(): Promise<OfflineLicenseFile> {
      return (await post<{ license_file: OfflineLicenseFile }>('/offline')).body.license_file;
    },

    /** Verifies an offline file for this machine with the pinned key, at `now`. */
    verifyOffline(file: unknown): OfflineVerdict {
      return verifyOfflineLicenseFile(file, key, { hardwareId: options.hardwareId, now: now() });
    },
  };
}
