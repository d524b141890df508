/** What the demo shows of a mail its in-process SMTP server received. */
export interface DeliveredMail {
  to: string[];
  subject: string;
  text: string;
}

/** Each mail's envelope and plain-text part, indented under a header line. */
export function formatDeliveredMails(mails: DeliveredMail[]): string {
  if (mails.length === 0) return 'No delivery mail was sent.';
  const blocks = mails.map(
    (m, i) =>
      `── mail ${i + 1} of ${mails.length} · to ${m.to.join(', ')} · "${m.subject}"\n` +
      m.text
        .trimEnd()
        .split('\n')
        .map((line) => (line ? `   ${line}` : ''))
        .join('\n'),
  );
  return `Delivery mails the SMTP server received (${mails.length}):\n${blocks.join('\n')}`;
}
