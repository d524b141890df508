import { Alert, Button, ProgressBar, Text } from '@hubspot/ui-extensions';
import { useEffect, useRef, useState } from 'react';
import type { Backend } from '../lib/backend';
import { describeError } from '../lib/backend-error';
import type { RecordRef, SyncStatus } from '../lib/types';
import { ActionError } from './states';

export const SYNC_POLL_MS = 1_500;
/** How long the card follows one sync before it stops polling and says so (the sync itself goes on). */
export const SYNC_MAX_POLLS = 80;

/** Sync Licenses: queue the record's licenses to HubSpot and follow the progress until it finishes. */
export function SyncLicenses({
  record,
  backend,
  pollMs = SYNC_POLL_MS,
}: {
  record: RecordRef;
  backend: Backend;
  pollMs?: number;
}) {
  const [syncId, setSyncId] = useState<string | null>(null);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [gaveUp, setGaveUp] = useState(false);
  const [starting, setStarting] = useState(false);
  const polls = useRef(0);

  useEffect(() => {
    if (!syncId || status?.finished) return;
    let stopped = false;
    const timer = setTimeout(async () => {
      if (polls.current++ >= SYNC_MAX_POLLS) return setGaveUp(true);
      try {
        const next = await backend.syncStatus(syncId);
        if (!stopped) setStatus(next);
      } catch (e) {
        if (!stopped) setError(describeError(e));
      }
    }, pollMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [syncId, status, backend, pollMs]);

  const start = async () => {
    setStarting(true);
    setError(null);
    setGaveUp(false);
    polls.current = 0;
    try {
      const answer = await backend.startSync(record);
      setStatus({ queued: answer.queued, done: 0, failed: 0, finished: answer.queued === 0 });
      setSyncId(answer.syncId);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setStarting(false);
    }
  };

  const running = syncId !== null && status !== null && !status.finished && !error && !gaveUp;
  return (
    <>
      <ActionError title="Sync failed" message={error} />
      {status ? (
        <ProgressBar
          testId="sync-progress"
          title="Sync Licenses"
          value={status.done + status.failed}
          maxValue={Math.max(status.queued, 1)}
          valueDescription={`${status.done} of ${status.queued} synced${status.failed ? `, ${status.failed} failed` : ''}`}
          variant={status.failed > 0 ? 'warning' : 'success'}
          showPercentage
        />
      ) : null}
      {status?.finished ? (
        <Alert
          title="Sync finished"
          variant={status.failed > 0 ? 'warning' : 'success'}
          testId="sync-finished"
        >
          {`${status.done} license(s) synced to HubSpot${status.failed ? `, ${status.failed} failed (see licensync's failures)` : ''}.`}
        </Alert>
      ) : null}
      {gaveUp ? (
        <Text testId="sync-still-running">
          The sync is still running; reopen this panel later to see it finish.
        </Text>
      ) : null}
      <Button onClick={start} disabled={starting || running} testId="sync-licenses">
        {running ? 'Syncing…' : 'Sync Licenses'}
      </Button>
    </>
  );
}
