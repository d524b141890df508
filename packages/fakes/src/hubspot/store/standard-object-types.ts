/** The standard objects the fake models; anything else HubSpot has (tickets, line items…) is "unknown" here. */
export const STANDARD_OBJECT_TYPES: Record<string, { aliases: string[]; schemaName: string }> = {
  '0-1': { aliases: ['contacts', 'contact'], schemaName: 'CONTACT' },
  '0-2': { aliases: ['companies', 'company'], schemaName: 'COMPANY' },
  '0-3': { aliases: ['deals', 'deal'], schemaName: 'DEAL' },
};

export function standardObjectTypeId(nameOrId: string): string | undefined {
  const key = nameOrId.toLowerCase();
  if (STANDARD_OBJECT_TYPES[key]) return key;
  return Object.entries(STANDARD_OBJECT_TYPES).find(
    ([, t]) => t.aliases.includes(key) || t.schemaName === nameOrId,
  )?.[0];
}

/**
 * HUBSPOT_DEFINED type ids between standard objects, per direction: [unlabeled, primary?].
 * Direction matters (contact→company 279, company→contact 280).
 */
export const STANDARD_ASSOCIATION_TYPES: Record<string, { unlabeled: number; primary?: number }> = {
  '0-1>0-2': { unlabeled: 279, primary: 1 },
  '0-2>0-1': { unlabeled: 280, primary: 2 },
  '0-3>0-2': { unlabeled: 341, primary: 5 },
  '0-2>0-3': { unlabeled: 342, primary: 6 },
  '0-3>0-1': { unlabeled: 3 },
  '0-1>0-3': { unlabeled: 4 },
  '0-1>0-1': { unlabeled: 449 },
  '0-2>0-2': { unlabeled: 450 },
  '0-3>0-3': { unlabeled: 451 },
};
