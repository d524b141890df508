import { Alert, Button, ButtonRow, Heading, List, Select, Text } from '@hubspot/ui-extensions';
import { useCrmProperties } from '@hubspot/ui-extensions/crm';
import { useState } from 'react';
import type { Backend } from '../lib/backend';
import { describeError } from '../lib/backend-error';
import { formatValue } from '../lib/changed-fields';
import { propertiesFor } from '../lib/record';
import type { ChangedField, RecordRef, SimilarCustomer } from '../lib/types';
import { useLoad } from '../lib/use-load';
import { ActionError, Empty, Failure, Loading } from './states';

const describe = (c: SimilarCustomer) =>
  [c.name, c.email, c.company].filter(Boolean).join(' · ') +
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
  const similar = useLoad(
    () => backend.similarCustomers(record),
    `similar:${record.objectType}:${record.objectId}`,
  );
  const { properties } = useCrmProperties(propertiesFor(record.objectType));
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [changed, setChanged] = useState<ChangedField[] | null>(null);

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
  if (similar.status === 'loading') return <Loading label="Looking for similar customers" />;
  if (similar.status === 'error')
    return (
      <Failure title="Could not look for customers" message={similar.message} onRetry={similar.reload} />
    );
  if (similar.data.customers.length === 0)
    return (
      <Empty title="No similar customers in licensync">
        <Text>No customer shares this record’s email, name or domain. Create a license to create one.</Text>
        <Button onClick={onCancel}>Back</Button>
      </Empty>
    );

  const connect = async () => {
    if (!customerId) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await backend.connect(record, customerId, properties);
      setChanged(answer.changedFields);
    } catch (e) {
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
        label="licensync customer"
        required
        value={customerId ?? undefined}
        options={similar.data.customers.map((c) => ({ label: describe(c), value: c.id }))}
        onChange={(value) => setCustomerId(String(value))}
      />
      <Alert
        title="Customer data in licensync will be overwritten"
        variant="danger"
        testId="overwrite-warning"
      >
        The customer’s name, email and company in licensync are replaced with this HubSpot record’s.
      </Alert>
      <ButtonRow>
        <Button variant="primary" disabled={!customerId || busy} onClick={connect} testId="connect">
          Connect
        </Button>
        <Button onClick={onCancel} disabled={busy} testId="cancel">
          Cancel
        </Button>
      </ButtonRow>
    </>
  );
}
