import { describe, expect, it } from 'vitest';
import { printOperatorHints } from './print-operator-hints';

const hints = (exiting: boolean) => {
  const lines: string[] = [];
  printOperatorHints({
    apiUrl: 'http://127.0.0.1:3000',
    stripeUrl: 'http://127.0.0.1:12111',
    stripeKey: 'sk_test_x',
    token: 'tok-0123456789abcdef',
    broken: { priceId: 'price_1', eventId: 'evt_1', failureId: 7, error: 'boom' },
    exiting,
    print: (line) => lines.push(line),
  });
  return lines.join('\n');
};

describe('printOperatorHints', () => {
  it('names the board, the CLI and the failure to practise on', () => {
    const text = hints(false);
    expect(text).toContain('http://127.0.0.1:3000/admin/queues');
    expect(text).toContain(
      'pnpm exec licensync --url http://127.0.0.1:3000 --token tok-0123456789abcdef failures show 7',
    );
    expect(text).toContain('failures replay --id 7 --wait');
    expect(text).toContain("http://127.0.0.1:12111/v1/prices/price_1 -d 'metadata[floating_cloud]=2'");
    expect(text).toContain('The service keeps running');
    expect(text).toContain('Press Ctrl-C to stop.');
  });

  it('with --exit says it is stopping, not that it keeps running', () => {
    const text = hints(true);
    expect(text).toContain('Stopping now (--exit)');
    expect(text).not.toMatch(/keeps running|Ctrl-C/);
  });
});
