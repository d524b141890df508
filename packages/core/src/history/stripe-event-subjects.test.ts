import { describe, expect, it } from 'vitest';
import { stripeEventSubjects } from './stripe-event-subjects';

describe('stripeEventSubjects', () => {
  it.each([
    [
      'checkout.session.completed names the session, payment and lower-cased email',
      {
        id: 'evt_1',
        data: {
          object: {
            id: 'cs_1',
            object: 'checkout.session',
            customer: null,
            payment_intent: 'pi_1',
            customer_details: { email: 'Ann@Example.com' },
          },
        },
      },
      ['stripe:evt_1', 'stripe:cs_1', 'stripe:pi_1', 'email:ann@example.com'],
    ],
    [
      'an invoice (basil) names its subscription under parent and an expanded customer',
      {
        id: 'evt_2',
        data: {
          object: {
            id: 'in_1',
            object: 'invoice',
            customer: { id: 'cus_1', object: 'customer' },
            parent: { subscription_details: { subscription: 'sub_1' } },
            customer_email: 'b@example.com',
          },
        },
      },
      ['stripe:evt_2', 'stripe:in_1', 'stripe:cus_1', 'stripe:sub_1', 'email:b@example.com'],
    ],
    [
      'an id-only payload yields what it has',
      { id: 'evt_3', data: { object: { id: 'ch_1' } } },
      ['stripe:evt_3', 'stripe:ch_1'],
    ],
    ['garbage yields nothing', 'not an event', []],
  ])('%s', (_rule, event, subjects) => {
    expect(stripeEventSubjects(event)).toEqual(subjects);
  });
});
