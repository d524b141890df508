import {
  Button,
  ButtonRow,
  DescriptionList,
  DescriptionListItem,
  Heading,
  Link,
  Text,
} from '@hubspot/ui-extensions';
import type { Backend } from '../lib/backend';
import { formatField, LICENSE_FIELDS } from '../lib/license-fields';
import { useLoad } from '../lib/use-load';
import { Failure, Loading } from './states';

/** One license in full, with the link out to it in licensync. */
export function LicenseDetails({
  licenseId,
  backend,
  onUpdate,
  onBack,
}: {
  licenseId: string;
  backend: Backend;
  onUpdate?: () => void;
  onBack: () => void;
}) {
  const loaded = useLoad(() => backend.license(licenseId), `license:${licenseId}`);
  if (loaded.status === 'loading') return <Loading label="Loading the license" />;
  if (loaded.status === 'error')
    return <Failure title="Could not load the license" message={loaded.message} onRetry={loaded.reload} />;
  const { license } = loaded.data;
  const link = loaded.data.link ?? license.link;
  return (
    <>
      <Heading>{`License ${license.key}`}</Heading>
      <DescriptionList direction="row" testId="license-details">
        {LICENSE_FIELDS.map((f) => (
          <DescriptionListItem key={f.key} label={f.label}>
            <Text>{formatField(license, f.key)}</Text>
          </DescriptionListItem>
        ))}
        <DescriptionListItem label="Features">
          <Text>{(license.features ?? []).map((f) => f.name).join(', ') || '—'}</Text>
        </DescriptionListItem>
        {(license.customFields ?? []).map((f) => (
          <DescriptionListItem key={f.name} label={f.name}>
            <Text>{f.value ?? '—'}</Text>
          </DescriptionListItem>
        ))}
      </DescriptionList>
      {link ? (
        <Link href={{ url: link, external: true }} testId="license-link">
          Open in licensync
        </Link>
      ) : null}
      <ButtonRow>
        {onUpdate ? (
          <Button variant="primary" onClick={onUpdate} testId="update">
            Update
          </Button>
        ) : null}
        <Button onClick={onBack} testId="back">
          Back
        </Button>
      </ButtonRow>
    </>
  );
}
