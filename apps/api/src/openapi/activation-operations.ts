import { z } from 'zod';
import { productVersionBody } from '../routes/admin/activations.route';
import type { AdminOperation } from './admin-operation';
import { pageOf } from './response-schemas';

const activationJson = z.looseObject({
  id: z.uuid(),
  hardware_id: z.string(),
  user_email: z.string().nullable(),
  app_version: z.string().nullable(),
  os: z.string().nullable(),
  activated_at: z.string(),
  last_check_at: z.string().nullable(),
  deactivated_at: z.string().nullable(),
});
const versionJson = z.looseObject({ version: z.string(), released_at: z.string() });

/** What the license API keeps that operators manage: a license's machines, a product's app versions. */
export const ACTIVATION_OPERATIONS: AdminOperation[] = [
  {
    method: 'get',
    path: '/licenses/{id}/activations',
    tag: 'licenses',
    summary: "List a license's machines (live and deactivated)",
    response: pageOf(activationJson),
    errors: [404],
  },
  {
    method: 'post',
    path: '/licenses/{id}/activations/{activation_id}/deactivate',
    tag: 'licenses',
    summary: "Free a machine's seat (idempotent)",
    response: z.looseObject({ deactivated: z.boolean(), activation: activationJson }),
    errors: [404],
  },
  {
    method: 'get',
    path: '/products/{short_code}/versions',
    tag: 'catalog',
    summary: "List a product's declared app versions, newest first",
    response: pageOf(versionJson),
    errors: [404],
  },
  {
    method: 'put',
    path: '/products/{short_code}/versions/{version}',
    tag: 'catalog',
    summary: 'Declare when an app version was released (maintenance is enforced against it)',
    body: productVersionBody,
    response: versionJson,
    errors: [404],
    example: {
      request: { released_at: '2026-11-02T00:00:00Z' },
      response: { version: '2.4.0', released_at: '2026-11-02T00:00:00.000Z' },
    },
  },
];
