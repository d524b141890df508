import type Stripe from 'stripe';
import { mergeMetadata } from '../http/coerce.js';
import { buildCustomer, type CustomerInput } from '../objects/build-customer.js';
import { buildPrice, type PriceInput } from '../objects/build-price.js';
import { buildProduct, type ProductInput } from '../objects/build-product.js';
import { diffAttributes } from '../ops/diff-attributes.js';
import type { SimResult, SimRuntime } from './sim-runtime.js';

export interface CatalogActions {
  createCustomer(input: CustomerInput): SimResult<{ customer: Stripe.Customer }>;
  /** `id` lets a story use a stable product id (`prod_pro`), as the API allows. */
  createProduct(input: ProductInput & { id?: string }): SimResult<{ product: Stripe.Product }>;
  /** `currency` defaults to `usd`. Emits `price.created`. */
  createPrice(
    input: Omit<PriceInput, 'currency'> & { currency?: string },
  ): SimResult<{ price: Stripe.Price }>;
  /** Metadata merges like the API (`''` unsets a key). Emits `price.updated` with previous_attributes. */
  updatePrice(
    id: string,
    changes: { metadata?: Record<string, string>; active?: boolean; nickname?: string | null },
  ): SimResult<{ price: Stripe.Price }>;
}

export function catalogActions(rt: SimRuntime): CatalogActions {
  return {
    createCustomer: (input) =>
      rt.act((ctx) => {
        const customer = ctx.store.insert(buildCustomer(input, ctx.store.now()));
        ctx.emit('customer.created', customer);
        return { customer: rt.render(customer) };
      }),
    createProduct: ({ id, ...input }) =>
      rt.act((ctx) => {
        const product = buildProduct(input, ctx.store.now());
        if (id) product.id = id;
        ctx.store.insert(product);
        ctx.emit('product.created', product);
        return { product: rt.render(product) };
      }),
    createPrice: (input) =>
      rt.act((ctx) => {
        ctx.store.get('product', input.product, 'product');
        const price = ctx.store.insert(buildPrice({ currency: 'usd', ...input }, ctx.store.now()));
        ctx.emit('price.created', price);
        return { price: rt.render(price) };
      }),
    updatePrice: (id, changes) =>
      rt.act((ctx) => {
        const price = ctx.store.get<Stripe.Price>('price', id);
        const before = rt.render(price);
        price.metadata = mergeMetadata(price.metadata, changes.metadata);
        if (changes.active !== undefined) price.active = changes.active;
        if (changes.nickname !== undefined) price.nickname = changes.nickname;
        ctx.emit('price.updated', price, diffAttributes(before, rt.render(price)));
        return { price: rt.render(price) };
      }),
  };
}
