import { describe, expect, it } from 'vitest';
import { toWebhookAction } from './hubspot-webhook-events';

const event = (subscriptionType: string, objectId: number | undefined = 7) => ({
  portalId: 1,
  subscriptionType,
  objectId,
});

describe('toWebhookAction', () => {
  it.each([
    [
      'a deleted contact loses its connection',
      'contact.deletion',
      { kind: 'forget_record', type: 'contact', objectId: '7' },
    ],
    [
      'a contact erased for privacy too',
      'contact.privacyDeletion',
      { kind: 'forget_record', type: 'contact', objectId: '7' },
    ],
    [
      'a deleted company loses its connection',
      'company.deletion',
      { kind: 'forget_record', type: 'company', objectId: '7' },
    ],
    ['a created contact is ignored', 'contact.creation', { kind: 'ignore' }],
    ['a property change is ignored', 'company.propertyChange', { kind: 'ignore' }],
    ['a deleted deal is ignored (deals are not connected)', 'deal.deletion', { kind: 'ignore' }],
  ])('%s', (_rule, type, action) => {
    expect(toWebhookAction(event(type))).toEqual(action);
  });

  it('ignores a deletion without an object id', () => {
    expect(toWebhookAction({ portalId: 1, subscriptionType: 'contact.deletion' })).toEqual({
      kind: 'ignore',
    });
  });
});
