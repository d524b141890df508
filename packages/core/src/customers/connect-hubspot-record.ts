import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { isUuid } from '../db/is-uuid';
import { customerAccounts, customers } from '../db/schema/index';
import { ConflictError } from '../errors/conflict-error';
import { NotFoundError } from '../errors/not-found-error';
import { recordActivity } from '../history/record-activity';
import { enqueueSyncIntent } from '../outbox/enqueue-sync-intent';
import {
  findLinkedRecord,
  findRecordConnection,
  type HubspotRecordType,
  writeRecordLink,
} from './hubspot-record-links';
import { linkCustomerAccount } from './link-customer-account';
import { updateCustomer } from './update-customer';
import { updateCustomerAccount } from './update-customer-account';

/** HubSpot's view of the record, which wins over ours on connecting. */
export type HubspotRecordData =
  | {
      type: 'contact';
      email: string;
      firstName?: string;
      lastName?: string;
      company?: { name: string; domain?: string | null } | null;
    }
  | { type: 'company'; name: string; domain?: string | null };

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface ConnectedRecord {
  entityId: string;
  changedFields: FieldChange[];
  /** What the record was connected to before, when it was connected to something else. */
  previousEntityId: string | null;
}

/**
 * Connects a HubSpot contact to one of our customers, or a company to a customer account, as the
 * reference does: HubSpot's data then overwrites ours (email, name, company; or name, domain), and
 * the answer lists what changed. Connecting an already connected record moves it. An entity
 * connected to another record of the type is a `ConflictError` unless `replace`. Link, changes, sync
 * intents and history commit together.
 */
export async function connectHubspotRecord(options: {
  db: Db;
  workspaceId: string;
  objectId: string;
  entityId: string;
  record: HubspotRecordData;
  replace?: boolean;
  actor: string;
}): Promise<ConnectedRecord> {
  const { db, workspaceId, objectId, entityId, record, actor } = options;
  const type: HubspotRecordType = record.type;
  const noun = type === 'contact' ? 'customer' : 'customer account';
  if (!isUuid(entityId)) throw new NotFoundError(`${noun} ${entityId} not found`);
  return db.transaction(async (tx) => {
    const before = await loadEntity(tx, workspaceId, type, entityId);
    if (!before) throw new NotFoundError(`${noun} ${entityId} not found`);
    const other = await findLinkedRecord(tx, workspaceId, type, entityId);
    if (other && other !== objectId && !options.replace) {
      throw new ConflictError(
        'customerId',
        `${noun} ${entityId} is connected to HubSpot ${type} ${other}; disconnect it there first, or connect with replace`,
      );
    }
    const current = await findRecordConnection(tx, workspaceId, type, objectId);
    const previous = current && ('customerId' in current ? current.customerId : current.accountId);
    await writeRecordLink(tx, { workspaceId, type, objectId, entityId });
    const changedFields =
      record.type === 'contact'
        ? await overwriteCustomer(tx as unknown as Db, workspaceId, entityId, record, actor)
        : await overwriteAccount(tx as unknown as Db, workspaceId, entityId, record, actor);
    await enqueueSyncIntent(tx, workspaceId, 'customer', await customersOf(tx, workspaceId, type, entityId));
    await recordActivity(tx, {
      workspaceId,
      kind: 'hubspot.record_connected',
      subjects: [
        `hubspot:${objectId}`,
        `${type === 'contact' ? 'customer' : 'customer_account'}:${entityId}`,
      ],
      outcome: 'ok',
      message: `HubSpot ${type} ${objectId} connected to ${noun} ${entityId} by ${actor}`,
      detail: { actor, changedFields, previous: previous !== entityId ? previous : null },
    });
    return { entityId, changedFields, previousEntityId: previous && previous !== entityId ? previous : null };
  });
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

async function loadEntity(tx: Tx, workspaceId: string, type: HubspotRecordType, id: string) {
  const table = type === 'contact' ? customers : customerAccounts;
  const [row] = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.workspaceId, workspaceId), eq(table.id, id)));
  return row;
}

async function customersOf(tx: Tx, workspaceId: string, type: HubspotRecordType, id: string) {
  if (type === 'contact') return [id];
  const rows = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.customerAccountId, id)));
  return rows.map((r) => r.id);
}

async function overwriteCustomer(
  db: Db,
  workspaceId: string,
  customerId: string,
  record: Extract<HubspotRecordData, { type: 'contact' }>,
  actor: string,
): Promise<FieldChange[]> {
  const [current] = await db.select().from(customers).where(eq(customers.id, customerId));
  const name = [record.firstName, record.lastName].filter((p) => p?.trim()).join(' ') || undefined;
  const email = record.email.trim().toLowerCase();
  const changed = await updateCustomer({ db, workspaceId, customerId, patch: { email, name }, actor });
  const changes: FieldChange[] = [];
  if (changed.includes('email')) changes.push({ field: 'email', from: current!.email, to: email });
  if (changed.includes('name')) changes.push({ field: 'name', from: current!.name, to: name });
  if (!record.company?.name.trim()) return changes;
  const [account] = current!.customerAccountId
    ? await db.select().from(customerAccounts).where(eq(customerAccounts.id, current!.customerAccountId))
    : [];
  const company = {
    name: record.company.name.trim(),
    domain: record.company.domain ?? account?.domain ?? null,
  };
  await linkCustomerAccount(db, { workspaceId, customerId, ...company, taxId: account?.taxId ?? null });
  if (account?.name !== company.name)
    changes.push({ field: 'company', from: account?.name ?? null, to: company.name });
  if ((account?.domain ?? null) !== company.domain)
    changes.push({ field: 'companyDomain', from: account?.domain ?? null, to: company.domain });
  return changes;
}

async function overwriteAccount(
  db: Db,
  workspaceId: string,
  accountId: string,
  record: Extract<HubspotRecordData, { type: 'company' }>,
  actor: string,
): Promise<FieldChange[]> {
  const [current] = await db.select().from(customerAccounts).where(eq(customerAccounts.id, accountId));
  const patch = { name: record.name.trim(), ...(record.domain !== undefined && { domain: record.domain }) };
  const changed = await updateCustomerAccount({ db, workspaceId, accountId, patch, actor });
  return changed.map((field) => ({
    field,
    from: field === 'name' ? current!.name : current!.domain,
    to: field === 'name' ? patch.name : (patch.domain ?? null),
  }));
}
