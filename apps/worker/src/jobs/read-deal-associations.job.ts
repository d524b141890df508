import { readDealAssociationsJob } from '@licensync/core/queues';
import { HubspotRequestError, PortalPausedError } from '@licensync/hubspot';
import type { Job } from 'bullmq';
import { openPortalSession } from '../hubspot/open-portal-session';
import { readDealAssociations } from '../hubspot/read-deal-associations';
import type { JobHandler } from './job-handler';

/**
 * Runs one `read-deal-associations` job: reads a deal's contacts and companies from HubSpot and
 * caches them for the deal card. Idempotent because it only overwrites the cache with a newer
 * read. A paused portal is noted in the cache, so cards stop waiting for reads until it ends; a
 * deal HubSpot does not know is cached as having no records. Anything else fails the job, and the
 * card's next poll queues a new read.
 */
export const createReadDealAssociations: JobHandler = (deps) =>
  async function processReadDealAssociations(job: Job): Promise<string> {
    const { workspaceId, dealId } = readDealAssociationsJob.schema.parse(job.data);
    const cache = deps.hubspot.dealCache;
    try {
      const session = await openPortalSession(deps, workspaceId);
      if (!session) return 'no active connection';
      const read = await readDealAssociations(session, dealId);
      await cache.put(workspaceId, dealId, read);
      return `${read.contacts.length} contact(s), ${read.companies.length} company(ies)`;
    } catch (err) {
      if (err instanceof PortalPausedError) {
        await cache.markPaused(workspaceId, err.untilMs);
        return `portal paused until ${new Date(err.untilMs).toISOString()}`;
      }
      if (err instanceof HubspotRequestError && err.status === 404) {
        await cache.put(workspaceId, dealId, {
          contacts: [],
          companies: [],
          readAt: Date.now(),
          totals: { contacts: 0, companies: 0 },
        });
        return 'deal not found in HubSpot';
      }
      throw err;
    }
  };
