import type Stripe from 'stripe';
import type { AuthorizationMethod } from '../license-metadata';
import type { MetadataProblem } from '../metadata-problem';
import { type ParseLicenseMetadataOptions, parseLicenseMetadata } from '../parse-license-metadata';
import { makePrice, makeRecurring } from './make-price';
import { makeProduct } from './make-product';

/** One table row: price metadata, optionally on a monthly price and with product fallback metadata. */
export interface ParseCase {
  metadata: Stripe.Metadata;
  recurring?: boolean;
  productMetadata?: Stripe.Metadata;
  authorizationMethod?: AuthorizationMethod;
  customFieldNames?: string[];
}

export function parseCase({
  metadata,
  recurring,
  productMetadata,
  authorizationMethod,
  customFieldNames,
}: ParseCase) {
  const price = makePrice({ metadata, recurring: recurring ? makeRecurring('month', 1) : null });
  const options: ParseLicenseMetadataOptions = { authorizationMethod, customFieldNames };
  if (productMetadata) options.product = makeProduct({ metadata: productMetadata });
  return parseLicenseMetadata(price, options);
}

export function problemsOf(input: ParseCase): MetadataProblem[] {
  const result = parseCase(input);
  return result.ok ? [] : result.errors;
}
