import { formatTable } from './format-table';

/** A customer as the admin API answers it (the fields the CLI prints). */
export interface CustomerJson {
  id: string;
  email: string;
  name: string | null;
  customer_type: string | null;
  account: { id: string; name: string; domain: string | null } | null;
}

/** Customers as one table row each. */
export function formatCustomerTable(customers: CustomerJson[]): string {
  return formatTable(
    ['ID', 'EMAIL', 'NAME', 'COMPANY'],
    customers.map((c) => [c.id, c.email, c.name ?? '-', c.account?.name ?? '-']),
  );
}
