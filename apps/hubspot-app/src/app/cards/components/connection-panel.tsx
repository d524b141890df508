import {
  Alert,
  Button,
  ButtonRow,
  DescriptionList,
  DescriptionListItem,
  Divider,
  Heading,
  Text,
} from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { Backend } from '../lib/backend';
import { describeError } from '../lib/backend-error';
import type { Account, Customer, RecordRef } from '../lib/types';
import { ConnectCustomer } from './connect-customer';
import { ActionError } from './states';
import { SyncLicenses } from './sync-licenses';

/** Connection: who this record is linked to in licensync, change or disconnect it, and Sync Licenses. */
export function ConnectionPanel({
  record,
  backend,
  customer,
  account,
  onChanged,
  onBack,
  pollMs,
}: {
  record: RecordRef;
  backend: Backend;
  customer: Customer | null | undefined;
  account?: Account | null;
  onChanged: () => void;
  onBack: () => void;
  pollMs?: number;
}) {
  const linked = customer ?? account ?? null;
  const [changing, setChanging] = useState(!linked);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (changing) {
    return (
      <ConnectCustomer
        record={record}
        backend={backend}
        onConnected={onChanged}
        onCancel={linked ? () => setChanging(false) : onBack}
      />
    );
  }

  const disconnect = async () => {
    setBusy(true);
    setError(null);
    try {
      await backend.disconnect(record);
      onChanged();
    } catch (e) {
      setError(describeError(e));
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Heading>Connection</Heading>
      <ActionError title="Not disconnected" message={error} />
      <DescriptionList direction="row" testId="connected-customer">
        {account ? (
          <>
            <DescriptionListItem label="licensync account">
              <Text>{account.name ?? account.id}</Text>
            </DescriptionListItem>
            <DescriptionListItem label="Domain">
              <Text>{account.domain ?? '—'}</Text>
            </DescriptionListItem>
          </>
        ) : null}
        {customer ? (
          <>
            <DescriptionListItem label="licensync customer">
              <Text>{customer.name ?? customer.id}</Text>
            </DescriptionListItem>
            <DescriptionListItem label="Email">
              <Text>{customer.email ?? '—'}</Text>
            </DescriptionListItem>
          </>
        ) : null}
      </DescriptionList>
      {confirming ? (
        <Alert title="Disconnect this record?" variant="warning" testId="confirm-disconnect">
          <Text>
            Its licenses stay in licensync but no longer show here until the record is connected again.
          </Text>
          <ButtonRow>
            <Button variant="destructive" disabled={busy} onClick={disconnect} testId="disconnect-confirmed">
              Disconnect
            </Button>
            <Button disabled={busy} onClick={() => setConfirming(false)}>
              Keep
            </Button>
          </ButtonRow>
        </Alert>
      ) : (
        <ButtonRow>
          <Button onClick={() => setChanging(true)} testId="change-connection">
            Change customer
          </Button>
          <Button variant="destructive" onClick={() => setConfirming(true)} testId="disconnect">
            Disconnect
          </Button>
          <Button onClick={onBack} testId="back">
            Back
          </Button>
        </ButtonRow>
      )}
      <Divider />
      <SyncLicenses record={record} backend={backend} pollMs={pollMs} />
    </>
  );
}
