/** What an import did, per kind of row. An import that changes nothing reports only zeros. */
export interface ImportCounts {
  products: number;
  policies: number;
  features: number;
  customFields: number;
}

export interface ImportTally {
  created: ImportCounts;
  updated: ImportCounts;
}

export function createImportTally(): ImportTally {
  const zero = (): ImportCounts => ({ products: 0, policies: 0, features: 0, customFields: 0 });
  return { created: zero(), updated: zero() };
}
