import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message as the sink received and parsed it. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  raw: string;
  parsed: ParsedMail;
}

export interface MailSink {
  /** `smtp://127.0.0.1:<port>`: what `SMTP_URL` points at. */
  url: string;
  mails: ReceivedMail[];
  /** Resolves with the first `count` mails to `to` (any recipient when omitted), waiting up to `timeoutMs`. */
  waitFor(opts?: { to?: string; count?: number; timeoutMs?: number }): Promise<ReceivedMail[]>;
  /** Makes the next `n` messages fail with this SMTP reply code (e.g. 451 retry later, 550 no such user). */
  failNext(n: number, responseCode: number): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback (the `smtp-server` package) that keeps what it receives, parsed
 * with `mailparser`: tests and the demo send through the same nodemailer transport as production.
 */
export async function startMailSink(): Promise<MailSink> {
  const mails: ReceivedMail[] = [];
  let failures: { left: number; code: number } = { left: 0, code: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failures.left > 0) {
          failures = { ...failures, left: failures.left - 1 };
          const err = Object.assign(new Error('refused by the mail sink'), { responseCode: failures.code });
          return callback(err);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            mails.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              raw,
              parsed,
            });
            callback();
          })
          .catch((err: Error) => callback(err));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    async waitFor(opts = {}) {
      const count = opts.count ?? 1;
      const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
      const matching = () => mails.filter((m) => !opts.to || m.to.includes(opts.to));
      while (matching().length < count) {
        if (Date.now() > deadline) {
          throw new Error(
            `mail sink: ${matching().length} of ${count} mail(s) to ${opts.to ?? 'anyone'} arrived`,
          );
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      return matching().slice(0, count);
    },
    failNext(n, responseCode) {
      failures = { left: n, code: responseCode };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
