import { z } from 'zod';
import { stripeConnectionBody } from '../routes/admin/connections.route';
import { operatorKeyCreateBody } from '../routes/admin/operator-keys.route';
import { workspaceCreateBody } from '../routes/admin/workspaces.route';
import type { AdminOperation } from './admin-operation';

const iso = z.string().nullable();

const workspaceJson = z.looseObject({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  settings: z.looseObject({}),
  webhook_url: z.string(),
  created_at: z.string(),
});

const operatorKeyJson = z.looseObject({
  id: z.uuid(),
  name: z.string(),
  scope: z.enum(['read', 'admin']),
  key_prefix: z.string(),
  created_at: z.string(),
  last_used_at: iso,
  revoked_at: iso,
});

const connectionJson = z.looseObject({
  kind: z.enum(['hubspot', 'stripe']),
  id: z.uuid(),
  state: z.string(),
  connected_since: iso,
  last_error: z.object({ message: z.string(), fix: z.string().nullable() }).loose().nullable(),
});

const stripeConnectionJson = z.looseObject({
  kind: z.literal('stripe'),
  id: z.uuid(),
  state: z.string(),
  account_id: z.string().nullable(),
  livemode: z.boolean().nullable(),
  webhook_endpoint_id: z.string().nullable(),
  has_webhook_secret: z.boolean(),
  connected_since: z.string(),
});

const connectionStateJson = z.looseObject({
  id: z.uuid(),
  state: z.enum(['connected', 'disconnected']),
  reason: z.string().nullable().optional(),
});

const WORKSPACE_ID = '3c9e1f0a-6a4b-4d2e-9b7c-1e2f3a4b5c6d';
const KEY_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const CONNECTION_ID = '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';

/** Workspaces and operator keys (install-wide), and the named workspace's connections. */
export const ACCESS_OPERATIONS: AdminOperation[] = [
  {
    method: 'get',
    path: '/workspaces',
    tag: 'workspaces',
    summary: 'Every workspace, with its webhook URL (install-wide: the workspace header is ignored)',
    response: z.looseObject({ data: z.array(workspaceJson) }),
  },
  {
    method: 'post',
    path: '/workspaces',
    tag: 'workspaces',
    summary: 'Create a workspace; its webhook URL is /webhooks/stripe/{slug}',
    body: workspaceCreateBody,
    status: 201,
    response: workspaceJson,
    errors: [409],
    example: {
      request: { slug: 'live', name: 'Live mode' },
      response: {
        id: WORKSPACE_ID,
        slug: 'live',
        name: 'Live mode',
        settings: {},
        webhook_url: 'https://licensync.example.com/webhooks/stripe/live',
        created_at: '2026-12-01T14:00:00.000Z',
      },
    },
  },
  {
    method: 'get',
    path: '/operator_keys',
    tag: 'operator keys',
    summary: 'Every named operator key, without the key itself (install-wide)',
    response: z.looseObject({ data: z.array(operatorKeyJson) }),
  },
  {
    method: 'post',
    path: '/operator_keys',
    tag: 'operator keys',
    summary: 'Create a named key; the clear key (`key`) is in this answer only',
    body: operatorKeyCreateBody,
    status: 201,
    response: operatorKeyJson.extend({ key: z.string() }),
    errors: [409],
    example: {
      request: { name: 'dashboards', scope: 'read' },
      response: {
        id: KEY_ID,
        name: 'dashboards',
        scope: 'read',
        key_prefix: 'lsk_Qm3xZ',
        created_at: '2026-12-01T14:00:00.000Z',
        last_used_at: null,
        revoked_at: null,
        key: 'lsk_Qm3xZ7v0cH2yPq9LwT4rB8nK1sD6fG5jA3eU0iO7mXw',
      },
    },
  },
  {
    method: 'post',
    path: '/operator_keys/{name}/revoke',
    tag: 'operator keys',
    summary: 'Revoke a key by name; it is refused at once',
    response: operatorKeyJson,
    errors: [404],
  },
  {
    method: 'get',
    path: '/connections',
    tag: 'connections',
    summary: 'The workspace’s HubSpot and Stripe connections: state, last sync, last error with its fix',
    response: z.looseObject({ data: z.array(connectionJson) }),
  },
  {
    method: 'post',
    path: '/connections/stripe',
    tag: 'connections',
    summary:
      'Store the workspace’s Stripe key (checked with Stripe) and/or signing secret; can register our webhook',
    body: stripeConnectionBody,
    response: stripeConnectionJson,
    errors: [404, 422, 503],
    example: {
      request: { api_key: 'sk_test_51Example', register_webhook: true },
      response: {
        kind: 'stripe',
        id: CONNECTION_ID,
        state: 'active',
        account_id: 'acct_1Example',
        livemode: false,
        webhook_endpoint_id: 'we_1Example',
        has_webhook_secret: true,
        connected_since: '2026-12-01T14:00:00.000Z',
      },
    },
  },
  {
    method: 'post',
    path: '/connections/{id}/disconnect',
    tag: 'connections',
    summary: 'Stop every HubSpot sync of this connection; waiting work is parked, history and settings kept',
    response: connectionStateJson,
    errors: [404],
  },
  {
    method: 'post',
    path: '/connections/{id}/reconnect',
    tag: 'connections',
    summary: 'Resume a connection an operator disconnected, draining the parked work',
    response: connectionStateJson,
    errors: [404, 409],
  },
];
