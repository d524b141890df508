import type Stripe from 'stripe';
import { newId } from '../store/new-id.js';

export interface ProductInput {
  name: string;
  description?: string | null;
  active?: boolean;
  metadata?: Record<string, string>;
}

export function buildProduct(input: ProductInput, now: number): Stripe.Product {
  return {
    id: newId('prod', 14),
    object: 'product',
    active: input.active ?? true,
    created: now,
    default_price: null,
    description: input.description ?? null,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: input.metadata ?? {},
    name: input.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    type: 'service',
    unit_label: null,
    updated: now,
    url: null,
  };
}
