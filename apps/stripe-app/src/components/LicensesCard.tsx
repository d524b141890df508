import type { ExtensionContextValue } from '@stripe/ui-extension-sdk/context';
import { Banner, Box, Button, ContextView, Divider, Spinner } from '@stripe/ui-extension-sdk/ui';
import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import { clientForContext } from '../backend/client-for-context';
import type { DashboardLicense, LicensedObjectKind } from '../backend/dashboard-license';
import { CreateLicenseForm } from './CreateLicenseForm';
import { LicenseInfo } from './LicenseInfo';
import { LicenseSummary } from './LicenseSummary';

export interface LicensesCardProps {
  context: ExtensionContextValue;
  kind: LicensedObjectKind;
  /** The page's object; undefined when the page has none the backend lists licenses of. */
  objectId: string | undefined;
  /** Shown when there are none: "No licenses for this subscription." */
  emptyText: string;
  /** Offers "Create license" (the customer page). */
  allowCreate?: boolean;
  /** The clock for validity and expiry; tests pass a fixed one. */
  now?: () => Date;
}

type Listing =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; licenses: DashboardLicense[]; hasMore: boolean };

/** The licenses of the page's object, each with Enable, Disable and License info. */
export function LicensesCard(props: LicensesCardProps) {
  const { context, kind, objectId, emptyText, allowCreate = false } = props;
  const now = (props.now ?? (() => new Date()))();
  const client = useMemo(() => clientForContext(context), [context]);
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [info, setInfo] = useState<DashboardLicense | null>(null);
  const [creating, setCreating] = useState(false);

  const load = useCallback(() => {
    if (typeof client === 'string' || !objectId) return;
    setListing({ state: 'loading' });
    client.listLicenses(kind, objectId).then(
      (page) => setListing({ state: 'ready', licenses: page.data, hasMore: page.has_more }),
      (err: Error) => setListing({ state: 'error', message: err.message }),
    );
  }, [client, kind, objectId]);
  useEffect(load, [load]);

  if (typeof client === 'string') {
    return (
      <ContextView title="Licenses">
        <Banner type="critical" title="Licenses cannot be shown" description={client} />
      </ContextView>
    );
  }

  const replace = (next: DashboardLicense) =>
    setListing((current) =>
      current.state === 'ready'
        ? { ...current, licenses: current.licenses.map((l) => (l.id === next.id ? next : l)) }
        : current,
    );
  const act = async (license: DashboardLicense, action: 'enable' | 'disable') => {
    setBusy(license.id);
    setActionError(null);
    try {
      replace(await client[action](license.id));
    } catch (err) {
      setActionError(
        `Could not ${action} ${license.license_key ?? license.product}: ${(err as Error).message}`,
      );
    } finally {
      setBusy(null);
    }
  };
  const showInfo = (license: DashboardLicense) => {
    setInfo(license);
    // The list may be minutes old: the panel shows the license as it is now once it arrives.
    client.getLicense(license.id).then(
      (fresh) => setInfo((open) => (open?.id === fresh.id ? fresh : open)),
      (err: Error) => setActionError(`Could not refresh the license: ${err.message}`),
    );
  };

  return (
    <ContextView
      title="Licenses"
      actions={
        allowCreate && objectId ? (
          <Button type="primary" onPress={() => setCreating(true)}>
            Create license
          </Button>
        ) : undefined
      }
    >
      {actionError && <Banner type="critical" title="Something went wrong" description={actionError} />}
      {!objectId && <Box css={{ color: 'secondary' }}>{emptyText}</Box>}
      {objectId && listing.state === 'loading' && (
        <Box css={{ stack: 'x', gap: 'small', alignY: 'center' }}>
          <Spinner />
          Loading licenses…
        </Box>
      )}
      {objectId && listing.state === 'error' && (
        <Banner
          type="critical"
          title="Could not load the licenses"
          description={listing.message}
          actions={<Button onPress={load}>Try again</Button>}
        />
      )}
      {listing.state === 'ready' && listing.licenses.length === 0 && (
        <Box css={{ color: 'secondary' }}>{emptyText}</Box>
      )}
      {listing.state === 'ready' &&
        listing.licenses.map((license, i) => (
          <Fragment key={license.id}>
            {i > 0 && <Divider />}
            <LicenseSummary
              license={license}
              now={now}
              busy={busy === license.id}
              onEnable={() => act(license, 'enable')}
              onDisable={() => act(license, 'disable')}
              onInfo={() => showInfo(license)}
            />
          </Fragment>
        ))}
      {listing.state === 'ready' && listing.hasMore && (
        <Box css={{ color: 'secondary' }}>Showing the newest 100; the console lists them all.</Box>
      )}
      <LicenseInfo license={info} now={now} onClose={() => setInfo(null)} />
      {allowCreate && objectId && (
        <CreateLicenseForm
          client={client}
          customerId={objectId}
          shown={creating}
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setListing((current) =>
              current.state === 'ready'
                ? { ...current, licenses: [...created, ...current.licenses] }
                : current,
            );
          }}
        />
      )}
    </ContextView>
  );
}
