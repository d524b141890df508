import { describe, expect, it } from 'vitest';
import { formatDeliveredMails } from './format-delivered-mails';

describe('formatDeliveredMails', () => {
  it('shows each mail with its recipient, subject and indented text', () => {
    const text = formatDeliveredMails([
      { to: ['a@example.com'], subject: 'Your keys', text: 'Hello\n\nKey: AAAA\n' },
      { to: ['b@example.com'], subject: 'Invite', text: 'Set a password' },
    ]);
    expect(text).toBe(
      [
        'Delivery mails the SMTP server received (2):',
        '── mail 1 of 2 · to a@example.com · "Your keys"',
        '   Hello',
        '',
        '   Key: AAAA',
        '── mail 2 of 2 · to b@example.com · "Invite"',
        '   Set a password',
      ].join('\n'),
    );
  });

  it('says so when nothing was sent', () => {
    expect(formatDeliveredMails([])).toBe('No delivery mail was sent.');
  });
});
