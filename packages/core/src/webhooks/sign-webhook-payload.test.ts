import { describe, expect, it } from 'vitest';
import { signWebhookPayload } from './sign-webhook-payload';

// Expected values computed outside Node: printf '%s' '<t>.<body>' | openssl dgst -sha256 -hmac whsec_test
describe('signWebhookPayload', () => {
  it.each([
    [1_700_000_000, '{"id":"evt_1"}', 'c89214b5b5da833daed6f0b8c5bb6bd58cea9022bd80ccc78230f3942d632925'],
    [1_700_000_001, '{"id":"evt_1"}', 'a6b8e4670849f25456dbcceec15faae9edf44ea78d5607a06ebcb96ce7583658'],
  ])('t=%i signs "<t>.<body>" with HMAC-SHA256', (t, body, mac) => {
    expect(signWebhookPayload('whsec_test', body, t)).toBe(`t=${t},v1=${mac}`);
  });
});
