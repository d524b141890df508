/** A row of ours mapped for a HubSpot custom object, with the customer (and deal) to associate it with. */
export interface CustomObjectRecord {
  id: string;
  customerId: string | null;
  properties: Record<string, string>;
  /** The HubSpot deal the record came from (its order's), associated besides the customer's records. */
  dealId?: string | null;
}
