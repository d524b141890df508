import type Stripe from 'stripe';
import { expandedProduct } from './expanded-product';
import { findMetadataTypos } from './find-metadata-typos';
import type { MetadataProblem } from './metadata-problem';
import { type ParseLicenseMetadataOptions, parseLicenseMetadata } from './parse-license-metadata';
import { toEffectiveMetadata } from './to-effective-metadata';

/**
 * Everything wrong with a price's license metadata, for recording on `price.created/updated`:
 * the rule violations `parseLicenseMetadata` refuses, its warnings (values it reads by the
 * documented rule but that were probably meant otherwise) and unknown keys that look like typos.
 * Only the errors block provisioning; the rest usually mean an attribute silently has no effect.
 */
export function lintPrice(price: Stripe.Price, options: ParseLicenseMetadataOptions = {}): MetadataProblem[] {
  const parsed = parseLicenseMetadata(price, options);
  const problems = [...(parsed.ok ? [] : parsed.errors), ...parsed.warnings];
  const metadata = toEffectiveMetadata(price, options.product ?? expandedProduct(price.product));
  for (const { key, suggestion } of findMetadataTypos(metadata.keys())) {
    problems.push({
      priceId: price.id,
      attribute: key,
      rule: 'possible-typo',
      severity: 'warning',
      message: `price ${price.id}: unknown metadata key ${key} looks like a typo of ${suggestion}`,
    });
  }
  return problems;
}
