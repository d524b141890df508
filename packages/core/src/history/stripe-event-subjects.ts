/** Fields of a Stripe object that name another object an operator may search by. */
const ID_FIELDS = [
  'id',
  'customer',
  'subscription',
  'invoice',
  'payment_intent',
  'charge',
  'price',
  'product',
] as const;

type Loose = Record<string, unknown>;

const asObject = (value: unknown): Loose | undefined =>
  value !== null && typeof value === 'object' ? (value as Loose) : undefined;

/** Stripe fields hold either an id or the expanded object. */
const idOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : (asObject(value)?.id as string | undefined);

/**
 * The history subjects of a Stripe event: `stripe:<id>` for the event, its object and every id the
 * object points at, and `email:<address>` (lower-cased) for the addresses it carries. Pure; works
 * on rendered and id-only payloads alike (the latter just yield fewer subjects).
 */
export function stripeEventSubjects(event: unknown): string[] {
  const root = asObject(event) ?? {};
  const object = asObject(asObject(root.data)?.object) ?? {};
  const ids = [idOf(root.id), ...ID_FIELDS.map((field) => idOf(object[field]))];
  // basil moved the subscription of an invoice under parent.subscription_details.
  ids.push(idOf(asObject(asObject(object.parent)?.subscription_details)?.subscription));
  const emails = [
    object.customer_email,
    asObject(object.customer_details)?.email,
    asObject(object.billing_details)?.email,
    object.receipt_email,
    object.object === 'customer' ? object.email : undefined,
  ];
  const subjects = [
    ...ids.filter((id): id is string => typeof id === 'string' && id !== '').map((id) => `stripe:${id}`),
    ...emails
      .filter((e): e is string => typeof e === 'string' && e.includes('@'))
      .map((e) => `email:${e.trim().toLowerCase()}`),
  ];
  return [...new Set(subjects)];
}
