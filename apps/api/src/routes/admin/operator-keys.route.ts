import { parseInput } from '@licensync/core/catalog';
import {
  createOperatorKey,
  listOperatorKeys,
  type OperatorKey,
  revokeOperatorKey,
} from '@licensync/core/operator-keys';
import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps';

export const operatorKeyCreateBody = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,62}$/i, 'letters, digits, dot, dash, underscore'),
  scope: z.enum(['read', 'admin']),
});

const toKeyJson = (k: OperatorKey) => ({
  id: k.id,
  name: k.name,
  scope: k.scope,
  key_prefix: k.keyPrefix,
  created_at: k.createdAt.toISOString(),
  last_used_at: k.lastUsedAt?.toISOString() ?? null,
  revoked_at: k.revokedAt?.toISOString() ?? null,
});

/** Named operator keys (install-wide): the clear key is in the create answer only. */
export function operatorKeysRoute(deps: AppDeps): Router {
  const router = Router();
  const { db } = deps;

  router.get('/operator_keys', async (_req, res) => {
    res.json({ data: (await listOperatorKeys(db)).map(toKeyJson) });
  });

  router.post('/operator_keys', async (req, res) => {
    const { key, row } = await createOperatorKey(db, parseInput(operatorKeyCreateBody, req.body));
    res.status(201).json({ ...toKeyJson(row), key });
  });

  router.post('/operator_keys/:name/revoke', async (req, res) => {
    res.json(toKeyJson(await revokeOperatorKey(db, req.params.name)));
  });

  return router;
}
