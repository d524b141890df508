import { describe, expect, it } from 'vitest';
import { toSourceKey } from './to-source-key';

describe('toSourceKey', () => {
  it.each([
    [{ kind: 'checkout_session', id: 'cs_1' }, 'li_1', 0, 'checkout_session:cs_1:li_1:0'],
    [{ kind: 'subscription', id: 'sub_1' }, 'si_1', 3, 'subscription:sub_1:si_1:3'],
    // Bundle members extend the line item id with the member's code; the key keeps it verbatim.
    [{ kind: 'invoice', id: 'in_1' }, 'il_1:pro', 1, 'invoice:in_1:il_1:pro:1'],
  ] as const)('keys %o line item %s unit %i as %s', (source, lineItemId, unit, expected) => {
    expect(toSourceKey(source, lineItemId, unit)).toBe(expected);
  });
});
