/** A row of ours mapped for a HubSpot custom object, with the customer to associate it with. */
export interface CustomObjectRecord {
  id: string;
  customerId: string | null;
  properties: Record<string, string>;
}
