import type { ObjectType, RecordRef } from './types';

const STANDARD_OBJECT_TYPES: Record<string, ObjectType> = {
  '0-1': 'contact',
  '0-2': 'company',
  '0-3': 'deal',
  contact: 'contact',
  contacts: 'contact',
  company: 'company',
  companies: 'company',
  deal: 'deal',
  deals: 'deal',
};

/** The record a card sits on, from HubSpot's `context.crm` (`objectTypeId` is "0-1", "0-2", "0-3"). */
export function recordFromContext(crm: { objectId: number | string; objectTypeId: string }): RecordRef {
  const objectType = STANDARD_OBJECT_TYPES[crm.objectTypeId.toLowerCase()];
  if (!objectType)
    throw new Error(`licensync cards sit on contacts, companies and deals, not ${crm.objectTypeId}`);
  return { objectType, objectId: String(crm.objectId) };
}

type Props = Record<string, string | null | undefined>;

/** The properties of the record itself that the backend needs (it never reads HubSpot while answering). */
export function propertiesFor(objectType: ObjectType): string[] {
  if (objectType === 'company') return ['name', 'domain'];
  return ['email', 'firstname', 'lastname', 'company'];
}

/** What the card reads of the first associated record: a contact's company, a company's contact. */
export function associationFor(objectType: ObjectType): { toObjectType: string; properties: string[] } {
  if (objectType === 'company')
    return { toObjectType: '0-1', properties: ['email', 'firstname', 'lastname'] };
  return { toObjectType: '0-2', properties: ['name', 'domain'] };
}

const text = (value: string | null | undefined) =>
  value == null || value.trim() === '' ? undefined : value.trim();

/**
 * The `record` body of create-order and connect (docs/hubspot-cards-api.md). A contact's company is its
 * associated company when it has one, else its `company` property; an associated company with a blank
 * name is sent as it is, so the backend answers "Company name can't be empty" instead of guessing.
 */
export function buildRecord(
  objectType: ObjectType,
  own: Props,
  associated: Props | undefined,
): Record<string, unknown> {
  if (objectType === 'company') {
    const contactEmail = text(associated?.email);
    return {
      name: own.name ?? '',
      domain: text(own.domain) ?? null,
      ...(contactEmail
        ? {
            contact: {
              email: contactEmail,
              firstName: text(associated?.firstname),
              lastName: text(associated?.lastname),
            },
          }
        : {}),
    };
  }
  const company = associated
    ? { name: associated.name ?? '', domain: text(associated.domain) ?? null }
    : text(own.company)
      ? { name: text(own.company) }
      : null;
  return {
    email: text(own.email) ?? '',
    firstName: text(own.firstname),
    lastName: text(own.lastname),
    company,
  };
}

/** What the similar-customers search is given: the contact's email and name, the company's name and domain. */
export function similarQuery(objectType: ObjectType, own: Props): Record<string, string> {
  const pairs: Array<[string, string | undefined]> =
    objectType === 'company'
      ? [
          ['name', text(own.name)],
          ['domain', text(own.domain)],
        ]
      : [
          ['email', text(own.email)],
          ['name', text([own.firstname, own.lastname].filter(Boolean).join(' '))],
        ];
  return Object.fromEntries(pairs.filter((p): p is [string, string] => p[1] !== undefined));
}
