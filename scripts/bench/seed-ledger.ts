import type { DbHandle } from './bench-deps';

/**
 * A ledger as years of checkouts leave it, in bulk SQL: `licenses` licenses of 3 seats per
 * checkout, one customer per 4 licenses, one order and one processed inbox event (with its two
 * history entries and a done sync intent) per checkout, a feature and a custom field per license.
 * Secondary indexes are dropped during the load and rebuilt after (far faster than row by row),
 * and foreign-key triggers are off for the session; everything is ANALYZEd at the end.
 */
export async function seedLedger(pool: DbHandle['pool'], licenses: number): Promise<void> {
  const checkouts = Math.ceil(licenses / 3);
  const customers = Math.max(1, Math.ceil(licenses / 4));
  const client = await pool.connect();
  try {
    await client.query("set session_replication_role = 'replica'");
    const ws = (await client.query<{ id: string }>("select id from workspaces where slug = 'default'"))
      .rows[0]!.id;
    const product = (
      await client.query<{ id: string; policy: string }>(
        `select p.id, lp.id as policy from products p join license_policies lp on lp.product_id = p.id
          where p.short_code = 'pro' and lp.is_default`,
      )
    ).rows[0]!;
    const tables = [
      'customers',
      'orders',
      'licenses',
      'license_features',
      'license_custom_fields',
      'inbox_events',
      'activity_log',
      'sync_outbox',
    ];
    const indexes = await client.query<{ name: string; def: string }>(
      `select i.indexname as name, i.indexdef as def from pg_indexes i
        where i.schemaname = 'public' and i.tablename = any($1)
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
      [tables],
    );
    for (const i of indexes.rows) await client.query(`drop index "${i.name}"`);
    const p: SeedParams = { ws, product: product.id, policy: product.policy, licenses, checkouts, customers };
    for (const [text, values] of seedStatements(p)) await client.query(text, values);
    for (const i of indexes.rows) await client.query(i.def);
    for (const t of tables) await client.query(`analyze ${t}`);
  } finally {
    await client.query("set session_replication_role = 'origin'").catch(() => {});
    client.release();
  }
}

interface SeedParams {
  ws: string;
  product: string;
  policy: string;
  licenses: number;
  checkouts: number;
  customers: number;
}

// Ids derive from the series number (md5 → uuid), so rows point at each other without lookups.
function seedStatements(p: SeedParams): [string, unknown[]][] {
  return [
    [
      `insert into customers (id, workspace_id, email, name)
       select md5('c' || c)::uuid, $1, 'seed-' || c || '@bench.example', 'Seed ' || c
         from generate_series(1, $2::int) c`,
      [p.ws, p.customers],
    ],
    [
      `insert into orders (id, workspace_id, customer_id, source_kind, source_id, stripe_payment_intent_id)
       select md5('o' || o)::uuid, $1, md5('c' || (1 + o % $3::int))::uuid, 'checkout_session',
              'cs_seed_' || o, 'pi_seed_' || o
         from generate_series(1, $2::int) o`,
      [p.ws, p.checkouts, p.customers],
    ],
    [
      `insert into licenses (id, workspace_id, source_key, order_id, customer_id, product_id, policy_id,
                             license_key, license_type, max_activations, stripe_checkout_session_id,
                             stripe_payment_intent_id, unit_index)
       select md5('l' || l)::uuid, $1,
              'checkout_session:cs_seed_' || o || ':li_seed_' || o || ':' || (l % 3),
              md5('o' || o)::uuid, md5('c' || (1 + o % $5::int))::uuid, $2, $3,
              upper(substr(md5('k' || l), 1, 19)), 'perpetual', 3, 'cs_seed_' || o, 'pi_seed_' || o, l % 3
         from generate_series(1, $4::int) l, lateral (select 1 + (l - 1) / 3 as o) x`,
      [p.ws, p.product, p.policy, p.licenses, p.customers],
    ],
    [
      `insert into license_features (workspace_id, license_id, code)
       select $1, md5('l' || l)::uuid, 'export-pdf' from generate_series(1, $2::int) l`,
      [p.ws, p.licenses],
    ],
    [
      `insert into license_custom_fields (workspace_id, license_id, name, value)
       select $1, md5('l' || l)::uuid, 'support_tier', 'standard' from generate_series(1, $2::int) l`,
      [p.ws, p.licenses],
    ],
    [
      `insert into inbox_events (workspace_id, provider, external_id, type, payload, status, received_at,
                                 enqueued_at, processed_at)
       select $1, 'stripe', 'evt_seed_' || o, 'checkout.session.completed',
              '{"id":"evt_seed_' || o || '","object":"event","type":"checkout.session.completed",'
                || '"data":{"object":{"id":"cs_seed_' || o || '"}}}',
              'processed', t, t, t
         from generate_series(1, $2::int) o, lateral (select now() - interval '1 minute' * o as t) x`,
      [p.ws, p.checkouts],
    ],
    [
      `insert into activity_log (workspace_id, at, kind, subjects, outcome, message)
       select $1, now() - interval '1 minute' * o, k.kind,
              array['stripe:evt_seed_' || o, 'stripe:cs_seed_' || o,
                    'email:seed-' || (1 + o % $3::int) || '@bench.example'],
              'ok', k.kind
         from generate_series(1, $2::int) o, (values ('stripe.event.received'), ('job.processed')) k(kind)`,
      [p.ws, p.checkouts, p.customers],
    ],
    [
      `insert into sync_outbox (workspace_id, object_kind, object_id, status, processed_at)
       select $1, 'license', md5('l' || l)::uuid::text, 'done', now() - interval '1 second' * l
         from generate_series(1, $2::int) l`,
      [p.ws, p.licenses],
    ],
  ];
}
