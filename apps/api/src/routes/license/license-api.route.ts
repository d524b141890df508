import {
  activateLicense,
  addConsumption,
  addLicenseUser,
  borrowFloatingSeat,
  checkLicense,
  deactivateMachine,
  heartbeatFloatingSeat,
  issueOfflineLicense,
  type LastCheckBuffer,
  type LicenseRequestBase,
  listLicenseUsers,
  releaseFloatingSeat,
  removeLicenseUser,
} from '@licensync/core/activations';
import { createProductKeyring } from '@licensync/core/license-signing';
import express, { type ErrorRequestHandler, Router } from 'express';
import type { AppDeps } from '../../app-deps';
import type { LocalWrites } from '../../middleware/local-writes';
import {
  addUserRequestSchema,
  consumptionRequestSchema,
  type LicenseRequest,
  licenseRequestSchema,
  listUsersRequestSchema,
  removeUserRequestSchema,
} from './license-api-schemas';
import { credentialsOf, type EndpointDeps, licenseEndpoint } from './license-endpoint';
import { createLicenseProductResolver } from './license-product-resolver';
import { createLicenseRateLimits } from './license-rate-limits';
import { publicKeyRoute } from './public-key.route';

/** A license API body is a few hundred bytes; anything near this is not one. */
export const LICENSE_BODY_LIMIT = '8kb';

/** Bad JSON and oversized bodies are the caller's 4xx, answered in the license API's shape. */
const bodyErrors: ErrorRequestHandler = (err, _req, res, next) => {
  const status = typeof err?.status === 'number' ? err.status : 500;
  if (status === 413)
    return void res
      .status(413)
      .json({ ok: false, reason: 'body_too_large', message: `bodies are at most ${LICENSE_BODY_LIMIT}` });
  if (status >= 400 && status < 500)
    return void res.status(status).json({ ok: false, reason: 'invalid_request', message: err.message });
  next(err);
};

/** The public license API under `/license/v1`: what the vendor's app calls. */
export function licenseApiRoute(
  deps: AppDeps & { lastChecks: LastCheckBuffer; now?: () => Date; localWrites?: LocalWrites },
): Router {
  const keyring = createProductKeyring({ db: deps.db, secrets: deps.secrets });
  const ep: EndpointDeps = {
    resolveProduct: createLicenseProductResolver(deps.db),
    keyring,
    limits: createLicenseRateLimits({ config: deps.config, redis: deps.licenseRateRedis ?? deps.redis }),
    now: deps.now ?? (() => new Date()),
  };
  const base = (
    b: LicenseRequest,
    t: { workspaceId: string; product: { id: string; shortCode: string } },
    now: Date,
  ): LicenseRequestBase => ({
    db: deps.db,
    workspaceId: t.workspaceId,
    product: t.product,
    credentials: credentialsOf(b),
    hardwareId: b.hardware_id,
    now,
    appVersion: b.app_version ?? null,
    os: b.os ?? null,
    appReleasedAt: b.app_released_at ? new Date(b.app_released_at) : null,
  });
  const manager = (
    b: { email: string; password: string },
    t: { workspaceId: string; product: { id: string; shortCode: string } },
    now: Date,
  ) => ({
    db: deps.db,
    workspaceId: t.workspaceId,
    product: t.product,
    credentials: { email: b.email, password: b.password },
    now,
  });

  const router = Router();
  router.use('/license/v1', express.json({ limit: LICENSE_BODY_LIMIT }));
  router.post(
    '/license/v1/activate',
    licenseEndpoint(ep, licenseRequestSchema, async (b, t, now) => {
      const { activation, created, license } = await activateLicense(base(b, t, now));
      return {
        activation: {
          id: activation.id,
          hardware_id: activation.hardwareId,
          activated_at: activation.activatedAt.toISOString(),
        },
        created,
        license,
      };
    }),
  );
  router.post(
    '/license/v1/check',
    licenseEndpoint(
      ep,
      licenseRequestSchema,
      async (b, t, now) => {
        // Right after a write here, let its change notification land before trusting the cache.
        if (deps.licenseChangeFence && deps.localWrites?.recent()) await deps.licenseChangeFence();
        const { activationId, license } = await checkLicense({
          ...base(b, t, now),
          lastChecks: deps.lastChecks,
          ...(deps.licenseRowCache ? { rowCache: deps.licenseRowCache } : {}),
        });
        return { activation: { id: activationId, hardware_id: b.hardware_id }, license };
      },
      { readOnly: true },
    ),
  );
  router.post(
    '/license/v1/deactivate',
    licenseEndpoint(ep, licenseRequestSchema, (b, t, now) => deactivateMachine(base(b, t, now))),
  );
  router.post(
    '/license/v1/offline',
    licenseEndpoint(ep, licenseRequestSchema, async (b, t, now) => ({
      license_file: await issueOfflineLicense({ ...base(b, t, now), keyring }),
    })),
  );
  router.post(
    '/license/v1/floating/borrow',
    licenseEndpoint(ep, licenseRequestSchema, async (b, t, now) => ({
      lease: await borrowFloatingSeat(base(b, t, now)),
    })),
  );
  router.post(
    '/license/v1/floating/heartbeat',
    licenseEndpoint(ep, licenseRequestSchema, async (b, t, now) => ({
      lease: await heartbeatFloatingSeat(base(b, t, now)),
    })),
  );
  router.post(
    '/license/v1/floating/release',
    licenseEndpoint(ep, licenseRequestSchema, (b, t, now) => releaseFloatingSeat(base(b, t, now))),
  );
  router.post(
    '/license/v1/consumption',
    licenseEndpoint(ep, consumptionRequestSchema, async (b, t, now) => ({
      consumption: await addConsumption({
        ...base(b, t, now),
        amount: b.amount,
        requestId: b.request_id ?? null,
      }),
    })),
  );
  router.post(
    '/license/v1/users/list',
    licenseEndpoint(ep, listUsersRequestSchema, (b, t, now) => listLicenseUsers(manager(b, t, now))),
  );
  router.post(
    '/license/v1/users/add',
    licenseEndpoint(ep, addUserRequestSchema, (b, t, now) =>
      addLicenseUser({ ...manager(b, t, now), email: b.user_email, isManager: b.is_manager }),
    ),
  );
  router.post(
    '/license/v1/users/remove',
    licenseEndpoint(ep, removeUserRequestSchema, (b, t, now) =>
      removeLicenseUser({ ...manager(b, t, now), email: b.user_email }),
    ),
  );
  router.use(publicKeyRoute({ resolveProduct: ep.resolveProduct, keyring }));
  router.use('/license/v1', bodyErrors);
  return router;
}
