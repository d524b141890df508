import { describe, expect, it } from 'vitest';
import { lintPrice } from './lint-price';
import { makePrice, makeRecurring } from './test-fixtures/make-price';
import { makeProduct } from './test-fixtures/make-product';

describe('lintPrice', () => {
  it('a well-formed price has no problems', () => {
    expect(lintPrice(makePrice({ metadata: { short_code: 'APP', max_activations: '3' } }))).toEqual([]);
  });

  it('missing short_code is a problem', () => {
    expect(lintPrice(makePrice())).toEqual([
      {
        priceId: 'price_123',
        attribute: 'short_code',
        rule: 'required',
        message: 'price price_123: short_code is required (the product or bundle code)',
      },
    ]);
  });

  it('reports rule violations and typos together', () => {
    const price = makePrice({
      recurring: makeRecurring(),
      metadata: { short_code: 'APP', license_type: 'perpetual', max_activation: '3' },
    });
    expect(lintPrice(price).map((problem) => [problem.rule, problem.message])).toEqual([
      [
        'recurring-license-type',
        'price price_123: license_type ("perpetual") must be subscription or consumption on a recurring price',
      ],
      [
        'possible-typo',
        'price price_123: unknown metadata key max_activation looks like a typo of max_activations',
      ],
    ]);
  });

  it('finds typos in the fallback product metadata too', () => {
    const product = makeProduct({ metadata: { is_product_bundel: 'true' } });
    const price = makePrice({ metadata: { short_code: 'APP' } });
    expect(lintPrice(price, { product })).toMatchObject([
      { attribute: 'is_product_bundel', rule: 'possible-typo' },
    ]);
  });

  it('passes the authorization method on to the rules', () => {
    const price = makePrice({ metadata: { short_code: 'APP', max_license_users: '2' } });
    expect(lintPrice(price, { authorizationMethod: 'license-key' })).toMatchObject([
      { rule: 'user-authorization-only' },
    ]);
    expect(lintPrice(price, { authorizationMethod: 'user' })).toEqual([]);
  });
});
