import { Alert, Button, ButtonRow, Text } from '@hubspot/ui-extensions';
import { useEffect, useRef, useState } from 'react';
import type { Backend } from '../lib/backend';
import { describeError } from '../lib/backend-error';
import { formatValue } from '../lib/changed-fields';
import {
  DEFAULT_SIDEBAR_FIELDS,
  DEFAULT_TABLE_FIELDS,
  editableField,
  type LicenseFieldKey,
  normaliseFields,
} from '../lib/license-fields';
import type { Account, Customer, License, RecordRef } from '../lib/types';
import { useLoad } from '../lib/use-load';
import { ConnectionPanel } from './connection-panel';
import { CreateLicense } from './create-license';
import { FieldSettings } from './field-settings';
import { LicenseDetails } from './license-details';
import { LicenseStack, LicenseTable } from './license-list';
import { ActionError, Empty, Failure, Loading, NotConnectedWarning } from './states';
import { UpdateLicense } from './update-license';

type View =
  | { kind: 'list' }
  | { kind: 'create' }
  | { kind: 'fields' }
  // The link as it was when the rep opened the panel (the list may be reloading behind it).
  | { kind: 'connection'; customer?: Customer | null; account?: Account | null }
  | { kind: 'details'; licenseId: string }
  | { kind: 'update'; licenseId: string };

export interface RecordLicensesProps {
  record: RecordRef;
  backend: Backend;
  layout: 'sidebar' | 'table';
  notify?: (alert: { type: 'success' | 'danger' | 'warning' | 'info'; message: string }) => void;
  /** The sync progress poll interval (tests shorten it). */
  pollMs?: number;
}

/** The Licenses card on a contact or company: list, create, update, details, connection, field settings. */
export function RecordLicenses({ record, backend, layout, notify, pollMs }: RecordLicensesProps) {
  const [view, setView] = useState<View>({ kind: 'list' });
  const [fields, setFields] = useState<LicenseFieldKey[]>(
    layout === 'sidebar' ? DEFAULT_SIDEBAR_FIELDS : DEFAULT_TABLE_FIELDS,
  );
  const [notice, setNotice] = useState<string | null>(null);
  const limit = layout === 'sidebar' ? 5 : 50;
  // The field choice is the card's own: the backend always answers every field of a license.
  const answer = useLoad(
    () => backend.recordLicenses(record, { limit }),
    `${record.objectType}:${record.objectId}`,
  );
  // The user's saved choice, read once per layout (not per render: a card may build its backend in
  // render); the defaults show meanwhile, and if it cannot be read.
  const chose = useRef(false);
  const backendRef = useRef(backend);
  backendRef.current = backend;
  useEffect(() => {
    let live = true;
    backendRef.current
      .fieldSettings()
      .then((answer) => {
        const saved = answer.fields?.[layout];
        if (live && !chose.current && saved && saved.length > 0) {
          const known = normaliseFields(saved);
          if (known.length > 0) setFields(known);
        }
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [layout]);
  // Pages after the first, fetched on "Show more" (the table only: the sidebar stays short).
  const [more, setMore] = useState<{ licenses: License[]; hasMore: boolean } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const backToList = (message?: string) => {
    setNotice(message ?? null);
    setView({ kind: 'list' });
    setMore(null);
    answer.reload();
  };

  switch (view.kind) {
    case 'create':
      return (
        <CreateLicense
          record={record}
          backend={backend}
          onCancel={() => setView({ kind: 'list' })}
          onCreated={(licenses) => {
            const message = `${licenses.length} license(s) created.`;
            notify?.({ type: 'success', message });
            backToList(message);
          }}
        />
      );
    case 'update':
      return (
        <UpdateLicense
          licenseId={view.licenseId}
          backend={backend}
          onCancel={() => setView({ kind: 'list' })}
          onDone={(changed) =>
            backToList(
              `License updated: ${changed.map((c) => `${editableField(c.field).label} ${formatValue(c.from)} → ${formatValue(c.to)}`).join(', ')}.`,
            )
          }
        />
      );
    case 'details':
      return (
        <LicenseDetails
          licenseId={view.licenseId}
          backend={backend}
          onBack={() => setView({ kind: 'list' })}
          onUpdate={() => setView({ kind: 'update', licenseId: view.licenseId })}
        />
      );
    case 'fields':
      return (
        <FieldSettings
          fields={fields}
          onCancel={() => setView({ kind: 'list' })}
          onSave={(next) => {
            chose.current = true;
            setFields(next);
            setView({ kind: 'list' });
            // Kept for the next time this user opens a card; the list does not wait for it.
            backend.saveFieldSettings(layout, next).catch(() => {
              const message = 'Your field choice could not be saved; it applies until you leave this record.';
              setNotice(message);
              notify?.({ type: 'warning', message });
            });
          }}
        />
      );
    case 'connection':
      return (
        <ConnectionPanel
          record={record}
          backend={backend}
          customer={view.customer}
          account={view.account}
          onBack={() => setView({ kind: 'list' })}
          onChanged={() => backToList()}
          pollMs={pollMs}
        />
      );
    default:
      break;
  }

  if (answer.status === 'loading') return <Loading label="Loading licenses" />;
  if (answer.status === 'error')
    return <Failure title="Could not load licenses" message={answer.message} onRetry={answer.reload} />;

  const data = answer.data;
  const licenses = [...data.licenses, ...(more?.licenses ?? [])];
  const hasMore = more ? more.hasMore : (data.hasMore ?? data.total > data.licenses.length);
  const showMore = async () => {
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await backend.recordLicenses(record, { limit, startingAfter: licenses.at(-1)?.id });
      setMore({ licenses: [...(more?.licenses ?? []), ...page.licenses], hasMore: page.hasMore ?? false });
    } catch (e) {
      setMoreError(describeError(e));
    } finally {
      setLoadingMore(false);
    }
  };
  const open = (licenseId: string) => setView({ kind: 'details', licenseId });
  const update = (licenseId: string) => setView({ kind: 'update', licenseId });
  const List = layout === 'sidebar' ? LicenseStack : LicenseTable;
  return (
    <>
      {notice ? (
        <Alert title="Done" variant="success" testId="notice">
          {notice}
        </Alert>
      ) : null}
      {data.connected ? (
        <ButtonRow>
          <Button variant="primary" onClick={() => setView({ kind: 'create' })} testId="create-license">
            Create License
          </Button>
          <Button
            onClick={() => setView({ kind: 'connection', customer: data.customer, account: data.account })}
            testId="connection"
          >
            Connection
          </Button>
          <Button variant="transparent" onClick={() => setView({ kind: 'fields' })} testId="field-settings">
            Fields
          </Button>
        </ButtonRow>
      ) : (
        <NotConnectedWarning
          onCreate={() => setView({ kind: 'create' })}
          onConnect={() => setView({ kind: 'connection' })}
        />
      )}
      {data.connected && data.licenses.length === 0 ? (
        <Empty title="No licenses yet">
          <Text>This customer has no licenses in licensync. Create one with Create License.</Text>
        </Empty>
      ) : null}
      {licenses.length > 0 ? (
        <List licenses={licenses} fields={fields} total={data.total} onOpen={open} onUpdate={update} />
      ) : null}
      <ActionError title="Could not load more licenses" message={moreError} />
      {layout === 'table' && hasMore && licenses.length > 0 ? (
        <Button onClick={showMore} disabled={loadingMore} testId="show-more">
          {loadingMore ? 'Loading…' : 'Show more'}
        </Button>
      ) : null}
    </>
  );
}
