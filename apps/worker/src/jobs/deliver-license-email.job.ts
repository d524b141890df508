import {
  getLicenseDelivery,
  markDeliverySent,
  markDeliverySkipped,
  prepareDeliveryMail,
  recordDeliveryFailure,
  renderDeliveryEmail,
} from '@licensync/core/deliveries';
import { deliverLicenseEmailJob, isFinalFailure } from '@licensync/core/queues';
import { getWorkspaceSettings } from '@licensync/core/workspaces';
import { type Job, UnrecoverableError } from 'bullmq';
import { isPermanentSmtpError } from '../deliveries/create-mailer';
import type { JobHandler } from './job-handler';

const HOUR_MS = 3_600_000;

/**
 * Runs one `deliver-license-email` job: renders the delivery's mail and sends it over SMTP.
 * Idempotent because a `sent` row is not sent again (a mail that left just before a crash may
 * go twice: SMTP has no idempotency key). Terminal when the mail server answers 5xx or the
 * workspace turned delivery off; every failed attempt is in the history.
 */
export const createDeliverLicenseEmail: JobHandler = (deps) =>
  async function deliverLicenseEmail(job: Job): Promise<string> {
    const { workspaceId, deliveryId } = deliverLicenseEmailJob.schema.parse(job.data);
    const { db, config, mailer } = deps;
    const delivery = await getLicenseDelivery(db, workspaceId, deliveryId);
    if (!delivery) return 'delivery gone';
    if (delivery.status === 'sent' || delivery.status === 'skipped' || delivery.status === 'failed')
      return `already ${delivery.status}`;
    const settings = await getWorkspaceSettings({ db, workspaceId, defaultResyncCron: config.RESYNC_CRON });
    if (!settings.deliverLicenses) {
      await markDeliverySkipped(db, delivery, 'delivery is off for the workspace (deliver_licenses)');
      return 'skipped: delivery off';
    }
    if (!mailer) throw new UnrecoverableError('SMTP_URL is not set: set it and resend the delivery');
    const prepared = await prepareDeliveryMail(db, workspaceId, deliveryId, {
      publicUrl: config.PUBLIC_URL.replace(/\/+$/, ''),
      encryptionKey: config.ENCRYPTION_KEY,
      customerLinkTtlMs: config.CUSTOMER_LINK_TTL_HOURS * HOUR_MS,
      passwordLinkTtlMs: config.PASSWORD_LINK_TTL_HOURS * HOUR_MS,
      now: new Date(),
    });
    if (!prepared) return 'delivery gone';
    const mail = renderDeliveryEmail(prepared.template, prepared.view);
    try {
      const { messageId } = await mailer.send({ from: config.SMTP_FROM, to: delivery.recipient, ...mail });
      await markDeliverySent(db, delivery, { messageId, templateSource: prepared.template.source });
      return `mailed to ${delivery.recipient}`;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const permanent = isPermanentSmtpError(err);
      await recordDeliveryFailure(db, delivery, message, permanent || isFinalFailure(job, err));
      if (permanent) throw new UnrecoverableError(`mail to ${delivery.recipient} refused: ${message}`);
      throw err;
    }
  };
