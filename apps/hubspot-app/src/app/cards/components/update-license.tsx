import { Button, ButtonRow, Divider, Heading, List, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { Backend } from '../lib/backend';
import { describeError } from '../lib/backend-error';
import { changesToSend, diffFields, formatValue } from '../lib/changed-fields';
import { editableField } from '../lib/license-fields';
import type { ChangedField, LicenseDetail } from '../lib/types';
import { useLoad } from '../lib/use-load';
import { CustomFields } from './custom-fields';
import { FeatureEditor } from './feature-editor';
import { FieldInput } from './field-input';
import { ActionError, Failure, Loading } from './states';

interface Props {
  licenseId: string;
  backend: Backend;
  onDone: (changed: ChangedField[]) => void;
  onCancel: () => void;
}

/** Update License: only the fields the type allows, the changes listed before saving, features, custom fields. */
export function UpdateLicense({ licenseId, backend, onDone, onCancel }: Props) {
  const loaded = useLoad(() => backend.license(licenseId), `license:${licenseId}`);
  const [draft, setDraft] = useState<Record<string, unknown>>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (loaded.status === 'loading') return <Loading label="Loading the license" />;
  if (loaded.status === 'error')
    return <Failure title="Could not load the license" message={loaded.message} onRetry={loaded.reload} />;

  const license: LicenseDetail = loaded.data.license;
  const fields = loaded.data.editableFields.map(editableField);
  const changes = diffFields(
    license,
    draft,
    fields.map((f) => f.name),
  );

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const answer = await backend.updateLicense(licenseId, changesToSend(changes));
      onDone(answer.changedFields);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Heading>{`Update license ${license.key}`}</Heading>
      <Text>{`${license.productName} · ${license.policyName} · ${license.licenseType}`}</Text>
      <ActionError title="The license was not updated" message={error} />
      {fields.length === 0 ? <Text>This license type has no fields that can be changed.</Text> : null}
      {fields.map((field) => (
        <FieldInput
          key={field.name}
          field={field}
          value={field.name in draft ? draft[field.name] : license[field.name]}
          onChange={(value) => setDraft((d) => ({ ...d, [field.name]: value }))}
        />
      ))}
      {changes.length > 0 ? (
        <>
          <Text format={{ fontWeight: 'bold' }}>Changed fields</Text>
          <List testId="changed-fields">
            {changes.map((c) => (
              <Text
                key={c.field}
              >{`${fields.find((f) => f.name === c.field)?.label ?? c.field}: ${formatValue(c.from)} → ${formatValue(c.to)}`}</Text>
            ))}
          </List>
        </>
      ) : null}
      <ButtonRow>
        <Button
          variant="primary"
          disabled={changes.length === 0 || saving}
          onClick={save}
          testId="update-fields"
        >
          {saving ? 'Saving…' : 'Update fields'}
        </Button>
        <Button onClick={onCancel} disabled={saving} testId="cancel">
          Back
        </Button>
      </ButtonRow>
      <Divider />
      <FeatureEditor licenseId={licenseId} backend={backend} license={license} onChanged={loaded.reload} />
      <Divider />
      <CustomFields
        licenseId={licenseId}
        backend={backend}
        fields={license.customFields ?? []}
        onChanged={loaded.reload}
      />
    </>
  );
}
