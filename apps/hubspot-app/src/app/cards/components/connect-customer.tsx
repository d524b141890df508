import { Alert, Button, ButtonRow, Heading, List, Select, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { Backend } from '../lib/backend';
import { BackendError, describeError } from '../lib/backend-error';
import { formatValue } from '../lib/changed-fields';
import type { ChangedField, RecordRef, SimilarCustomer } from '../lib/types';
import { useLoad } from '../lib/use-load';
import { useRecordData } from '../lib/use-record-data';
import { ActionError, Empty, Failure, Loading } from './states';

const describe = (c: SimilarCustomer) =>
  [c.name, c.email, c.company ?? c.domain].filter(Boolean).join(' · ') +
  (c.matchedOn.length ? ` (same ${c.matchedOn.join(', ')})` : '');

/** Connect an existing licensync customer, picked from the similar ones, after the overwrite warning. */
export function ConnectCustomer({
  record,
  backend,
  onConnected,
  onCancel,
}: {
  record: RecordRef;
  backend: Backend;
  onConnected: () => void;
  onCancel: () => void;
}) {
  const data = useRecordData(record);
  const query = new URLSearchParams(data.similar).toString();
  // Waits for the record's properties: the search is by what HubSpot knows of this record.
  const similar = useLoad(
    () =>
      data.isLoading || data.error
        ? new Promise<never>(() => {})
        : backend.similarCustomers(record, data.similar),
    `similar:${record.objectType}:${record.objectId}:${data.isLoading || data.error ? 'wait' : query}`,
  );
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [taken, setTaken] = useState(false);
  const [changed, setChanged] = useState<ChangedField[] | null>(null);
  const noun = record.objectType === 'company' ? 'customer account' : 'customer';

  if (changed) {
    return (
      <>
        <Alert title="Connected" variant="success" testId="connected">
          {changed.length === 0
            ? 'The customer already matched this record.'
            : 'licensync now has this record’s data:'}
        </Alert>
        {changed.length > 0 ? (
          <List testId="overwritten-fields">
            {changed.map((c) => (
              <Text key={c.field}>{`${c.field}: ${formatValue(c.from)} → ${formatValue(c.to)}`}</Text>
            ))}
          </List>
        ) : null}
        <Button variant="primary" onClick={onConnected} testId="show-licenses">
          Show licenses
        </Button>
      </>
    );
  }
  // HubSpot's own hooks failed: there is nothing to search by (and nothing to overwrite with).
  if (data.error)
    return <Failure title="Could not read this record from HubSpot" message={data.error.message} />;
  if (similar.status === 'loading') return <Loading label="Looking for similar customers" />;
  if (similar.status === 'error')
    return (
      <Failure title="Could not look for customers" message={similar.message} onRetry={similar.reload} />
    );
  if (similar.data.customers.length === 0)
    return (
      <Empty title="No similar customers in licensync">
        <Text>{`No ${noun} shares this record’s email, name or domain. Create a license to create one.`}</Text>
        <Button onClick={onCancel}>Back</Button>
      </Empty>
    );

  const connect = async (replace: boolean) => {
    if (!customerId) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await backend.connect(record, customerId, data.record, replace);
      setChanged(answer.changedFields);
    } catch (e) {
      // 409: that customer is linked to another record of this type; the rep may move the link here.
      setTaken(e instanceof BackendError && e.status === 409);
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Heading>Connect customer</Heading>
      <ActionError title="Not connected" message={error} />
      <Select
        testId="customer"
        name="customer"
        label={`licensync ${noun}`}
        required
        value={customerId ?? undefined}
        options={similar.data.customers.map((c) => ({ label: describe(c), value: c.id }))}
        onChange={(value) => {
          setCustomerId(String(value));
          setTaken(false);
          setError(null);
        }}
      />
      <Alert
        title="Customer data in licensync will be overwritten"
        variant="danger"
        testId="overwrite-warning"
      >
        {`The ${noun}’s details in licensync are replaced with this HubSpot record’s.`}
      </Alert>
      <ButtonRow>
        {taken ? (
          <Button
            variant="destructive"
            disabled={busy}
            onClick={() => connect(true)}
            testId="connect-replace"
          >
            Move the connection here
          </Button>
        ) : (
          <Button
            variant="primary"
            disabled={!customerId || busy}
            onClick={() => connect(false)}
            testId="connect"
          >
            Connect
          </Button>
        )}
        <Button onClick={onCancel} disabled={busy} testId="cancel">
          Cancel
        </Button>
      </ButtonRow>
    </>
  );
}
