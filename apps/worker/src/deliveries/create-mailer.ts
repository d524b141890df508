import nodemailer from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends mail over SMTP; one pooled connection set per worker process. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string | null }>;
  close(): void;
}

/** A nodemailer SMTP transport for `SMTP_URL` (smtp:// or smtps://, credentials in the URL). */
export function createMailer(smtpUrl: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      const info = await transport.sendMail(mail);
      return { messageId: typeof info.messageId === 'string' ? info.messageId : null };
    },
    close: () => transport.close(),
  };
}

/**
 * Whether an SMTP failure will not go away by retrying: a 5xx reply (no such mailbox, relaying
 * refused). 4xx replies (greylisting, a full queue) and network errors are retried.
 */
export function isPermanentSmtpError(err: unknown): boolean {
  const code = (err as { responseCode?: unknown })?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
