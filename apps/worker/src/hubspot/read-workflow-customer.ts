import type { WorkflowCustomer, WorkflowLicenseRequest } from '@licensync/core/orders';
import { type HubspotSession, readAssociatedIds, readRecords } from '@licensync/hubspot';

const CONTACT_PROPERTIES = ['email', 'firstname', 'lastname', 'company', 'phone'];
const TYPE_IDS = { contact: '0-1', company: '0-2', deal: '0-3' } as const;

/**
 * The customer of a workflow order whose request named no email: the enrolled contact, or the
 * first contact of the enrolled deal or company, read from HubSpot. What the workflow filled in
 * wins over what HubSpot holds; a deal's or company's own company fills in the company. Without
 * a contact the customer still has no email, and the order is refused with that reason.
 */
export async function readWorkflowCustomer(
  session: HubspotSession,
  request: WorkflowLicenseRequest,
): Promise<WorkflowCustomer> {
  const { type, id } = request.object;
  const contactId =
    type === 'contact' ? id : (await readAssociatedIds(session, TYPE_IDS[type], id, '0-1', 1))[0];
  const companyId =
    type === 'company'
      ? id
      : type === 'deal'
        ? (await readAssociatedIds(session, '0-3', id, '0-2', 1))[0]
        : undefined;
  const [contact, company] = await Promise.all([
    contactId ? readRecords(session, '0-1', [contactId], CONTACT_PROPERTIES) : undefined,
    companyId ? readRecords(session, '0-2', [companyId], ['name', 'domain']) : undefined,
  ]);
  const p = contactId ? contact?.get(contactId) : undefined;
  const c = companyId ? company?.get(companyId) : undefined;
  const given = request.customer;
  const pick = (...values: (string | null | undefined)[]) => values.find((v) => v?.trim())?.trim();
  return {
    email: pick(given.email, p?.email),
    firstName: pick(given.firstName, p?.firstname),
    lastName: pick(given.lastName, p?.lastname),
    phone: pick(given.phone, p?.phone),
    // The enrolled company's name is the order's company even when empty: it is refused, not dropped.
    company:
      type === 'company' ? (pick(given.company, c?.name) ?? '') : pick(given.company, c?.name, p?.company),
    companyDomain: pick(given.companyDomain, c?.domain),
  };
}
