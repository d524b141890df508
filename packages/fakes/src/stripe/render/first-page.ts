import type Stripe from 'stripe';

/** How many children Stripe embeds in a parent (invoice lines, session line items) before `has_more`. */
export const EMBEDDED_PAGE_SIZE = 10;

/** The embedded list Stripe puts inside a parent object: the first page and a `url` to page on. */
export function firstPage<T>(items: T[], url: string): Stripe.ApiList<T> {
  return {
    object: 'list',
    data: items.slice(0, EMBEDDED_PAGE_SIZE),
    has_more: items.length > EMBEDDED_PAGE_SIZE,
    url,
  };
}
