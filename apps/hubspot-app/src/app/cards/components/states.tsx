import {
  Alert,
  Button,
  ButtonRow,
  EmptyState,
  ErrorState,
  LoadingSpinner,
  Text,
} from '@hubspot/ui-extensions';
import type { ReactNode } from 'react';

export function Loading({ label }: { label: string }) {
  return <LoadingSpinner label={label} showLabel layout="centered" />;
}

/** An answer that failed or never came: the message and a way to try again, never a blank card. */
export function Failure({
  title,
  message,
  onRetry,
}: {
  title: string;
  message: string;
  onRetry?: () => void;
}) {
  return (
    <ErrorState title={title} type="error" testId="failure">
      <Text>{message}</Text>
      {onRetry ? (
        <Button onClick={onRetry} testId="retry">
          Try again
        </Button>
      ) : null}
    </ErrorState>
  );
}

export function Empty({ title, children }: { title: string; children: ReactNode }) {
  return (
    <EmptyState title={title} layout="vertical" imageName="customObjects" testId="empty">
      {children}
    </EmptyState>
  );
}

/** The action failed: shown above the form so what was typed stays. */
export function ActionError({ title, message }: { title: string; message: string | null }) {
  if (!message) return null;
  return (
    <Alert title={title} variant="danger" testId="action-error">
      {message}
    </Alert>
  );
}

/** The record has no licensync customer yet, and the two ways out the reference app offers. */
export function NotConnectedWarning({
  onCreate,
  onConnect,
}: {
  onCreate: () => void;
  onConnect: () => void;
}) {
  return (
    <Alert title="Not connected to a licensync customer" variant="warning" testId="not-connected">
      <Text>
        No licenses are shown until this record is connected. Create a license (that creates the customer from
        this record), or connect a customer who already exists in licensync to see their licenses here.
      </Text>
      <ButtonRow>
        <Button variant="primary" onClick={onCreate} testId="create-license">
          Create License
        </Button>
        <Button onClick={onConnect} testId="connect-customer">
          Connect customer
        </Button>
      </ButtonRow>
    </Alert>
  );
}
