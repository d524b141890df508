/** One provider event as the ingress stores it: the body exactly as received and signed. */
export interface InboxRecord {
  workspaceId: string;
  provider: 'stripe' | 'hubspot';
  externalId: string;
  type: string;
  /** The raw JSON as received (UTF-8 bytes, or text); stored as is, never re-serialised. */
  body: Buffer | string;
}

/** What storing one record did, with what its job needs. */
export interface StoredInboxRecord {
  /** `new`: first delivery; `retry`: a redelivery of a failed event; `duplicate`: done or in flight. */
  outcome: 'new' | 'retry' | 'duplicate';
  /** Set for `new` and `retry`: the row to hand to the queue. */
  row?: QueuedInboxRow;
}

export interface QueuedInboxRow {
  id: number;
  round: number;
  workspaceId: string;
  provider: 'stripe' | 'hubspot';
  type: string;
}
