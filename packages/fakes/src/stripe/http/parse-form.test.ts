import { describe, expect, it } from 'vitest';
import { parseForm } from './parse-form.js';

describe('parseForm', () => {
  it('nests bracketed keys and turns indexed keys into arrays', () => {
    expect(
      parseForm(
        'items[0][price]=price_a&items[0][quantity]=2&items[1][price]=price_b&recurring[interval]=month',
      ),
    ).toEqual({
      items: [{ price: 'price_a', quantity: '2' }, { price: 'price_b' }],
      recurring: { interval: 'month' },
    });
  });

  it('appends `expand[]` values and accepts percent-encoded brackets', () => {
    expect(parseForm('expand[]=a&expand[]=b.c&metadata%5Btier%5D=pro')).toEqual({
      expand: ['a', 'b.c'],
      metadata: { tier: 'pro' },
    });
  });

  it('keeps empty values, which Stripe reads as "unset"', () => {
    expect(parseForm('pause_collection=&metadata[plan]=')).toEqual({
      pause_collection: '',
      metadata: { plan: '' },
    });
  });
});
