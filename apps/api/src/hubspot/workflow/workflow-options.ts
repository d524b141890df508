import type { CatalogProduct } from '@licensync/core/catalog';

/** One option of a workflow action's select, as HubSpot's options fetch expects it. */
export interface WorkflowOption {
  label: string;
  value: string;
  description?: string;
}

/** Options per answer; HubSpot asks for the next page with `fetchOptions.after`. */
export const OPTIONS_PAGE = 50;

/** The product select: value = short code, the key the order takes. Pure. */
export function toProductOptions(catalog: CatalogProduct[]): WorkflowOption[] {
  return catalog.map((e) => ({
    label: e.product.name,
    value: e.product.shortCode,
    description: e.product.shortCode,
  }));
}

/** The policy select of one product: value = policy code; the default one says so. Pure. */
export function toPolicyOptions(entry: CatalogProduct | undefined): WorkflowOption[] {
  return (entry?.policies ?? []).map((p) => ({
    label: p.name,
    value: p.code,
    description: `${p.licenseType}${p.isDefault ? ' (default)' : ''}`,
  }));
}

/**
 * HubSpot's options-fetch answer: the options matching the search text `q` (label or value),
 * `OPTIONS_PAGE` at a time from the offset in `after`. Pure.
 */
export function toOptionsPage(options: WorkflowOption[], fetch: { q?: string; after?: string } = {}) {
  const q = fetch.q?.trim().toLowerCase();
  const matching = q
    ? options.filter((o) => o.label.toLowerCase().includes(q) || o.value.toLowerCase().includes(q))
    : options;
  const start = Math.max(0, Number.parseInt(fetch.after ?? '0', 10) || 0);
  const page = matching.slice(start, start + OPTIONS_PAGE);
  const next = start + OPTIONS_PAGE < matching.length ? String(start + OPTIONS_PAGE) : undefined;
  return { options: page, searchable: true, ...(next && { after: next }) };
}
