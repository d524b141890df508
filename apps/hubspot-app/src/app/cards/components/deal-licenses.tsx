import { Button, Heading, Text } from '@hubspot/ui-extensions';
import { Fragment, useEffect, useRef, useState } from 'react';
import type { Backend } from '../lib/backend';
import { DEFAULT_SIDEBAR_FIELDS } from '../lib/license-fields';
import type { DealLicenses as DealAnswer } from '../lib/types';
import { useLoad } from '../lib/use-load';
import { LicenseDetails } from './license-details';
import { LicenseTable } from './license-list';
import { Empty, Failure, Loading } from './states';

export const DEAL_POLL_MS = 1_500;
/** The backend reads a deal's associations through the worker; after this many "pending" answers the card says so. */
export const DEAL_MAX_POLLS = 10;

/** Deal Contact Licenses / Deal Company Licenses: the licenses of the deal's associated records, a few each. */
export function DealLicenses({
  dealId,
  of,
  backend,
  pollMs = DEAL_POLL_MS,
}: {
  dealId: string;
  of: 'contacts' | 'companies';
  backend: Backend;
  pollMs?: number;
}) {
  const [round, setRound] = useState(0);
  const [opened, setOpened] = useState<string | null>(null);
  const polls = useRef(0);
  const answer = useLoad<DealAnswer>(() => backend.dealLicenses(dealId, of), `${dealId}:${of}:${round}`);
  const pending = answer.status === 'ready' && answer.data.pending === true;
  // The backend says when the associations should be there; never sooner than our own interval.
  const retryAfterMs = answer.status === 'ready' ? Math.min(answer.data.retryAfterMs ?? 0, 10_000) : 0;

  useEffect(() => {
    if (!pending || polls.current >= DEAL_MAX_POLLS) return;
    const timer = setTimeout(
      () => {
        polls.current += 1;
        setRound((r) => r + 1);
      },
      Math.max(pollMs, retryAfterMs),
    );
    return () => clearTimeout(timer);
  }, [pending, pollMs, retryAfterMs]);

  const noun = of === 'contacts' ? 'contact' : 'company';
  if (opened) return <LicenseDetails licenseId={opened} backend={backend} onBack={() => setOpened(null)} />;
  if (answer.status === 'loading' || (pending && polls.current < DEAL_MAX_POLLS))
    return <Loading label={`Loading the licenses of this deal's ${of}`} />;
  if (pending)
    return (
      <Failure
        title="Still reading the deal's associations"
        message="HubSpot has not answered licensync yet (it may be rate limiting). Try again in a minute."
        onRetry={() => {
          polls.current = 0;
          setRound((r) => r + 1);
        }}
      />
    );
  if (answer.status === 'error')
    return <Failure title="Could not load licenses" message={answer.message} onRetry={answer.reload} />;

  const records = answer.data.records;
  if (records.length === 0)
    return (
      <Empty title={`No associated ${of}`}>
        <Text>{`Associate a ${noun} with this deal to see its licenses here.`}</Text>
      </Empty>
    );

  return (
    <>
      {records.map((r) => (
        <Fragment key={`${r.objectType}-${r.objectId}`}>
          <Heading>{r.name}</Heading>
          {r.connected === false ? (
            <Text>{`Not connected to a licensync customer: open the ${noun} to connect it or create a license.`}</Text>
          ) : r.licenses.length === 0 ? (
            <Text>{`No licenses for this ${noun}.`}</Text>
          ) : (
            <LicenseTable
              licenses={r.licenses}
              fields={DEFAULT_SIDEBAR_FIELDS}
              total={r.licenses.length}
              onOpen={setOpened}
            />
          )}
          {r.more > 0 ? (
            <Text
              testId={`more-${r.objectId}`}
            >{`${r.more} more — open the ${noun} to see all its licenses.`}</Text>
          ) : null}
        </Fragment>
      ))}
      {(answer.data.moreRecords ?? 0) > 0 ? (
        <Text testId="more-records">{`This deal has ${answer.data.moreRecords} more ${
          answer.data.moreRecords === 1 ? noun : of
        } not shown here: open the deal's associations to see them all.`}</Text>
      ) : null}
      <Button variant="transparent" onClick={answer.reload} testId="refresh">
        Refresh
      </Button>
    </>
  );
}
