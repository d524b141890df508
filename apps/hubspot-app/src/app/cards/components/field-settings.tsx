import { Button, ButtonRow, Heading, Text, ToggleGroup } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { LICENSE_FIELDS, type LicenseFieldKey, normaliseFields } from '../lib/license-fields';

/** The settings control (the gear in the reference app): which license fields the card shows. */
export function FieldSettings({
  fields,
  onSave,
  onCancel,
}: {
  fields: LicenseFieldKey[];
  onSave: (fields: LicenseFieldKey[]) => void;
  onCancel: () => void;
}) {
  const [chosen, setChosen] = useState<string[]>(fields);
  const none = chosen.length === 0;
  return (
    <>
      <Heading>Fields to show</Heading>
      <ToggleGroup
        testId="field-choice"
        name="fields"
        label="License fields"
        toggleType="checkboxList"
        options={LICENSE_FIELDS.map((f) => ({ label: f.label, value: f.key }))}
        value={chosen}
        onChange={(value) => setChosen(value)}
        error={none}
        validationMessage={none ? 'Choose at least one field.' : undefined}
      />
      {none ? <Text>Choose at least one field.</Text> : null}
      <ButtonRow>
        <Button
          variant="primary"
          disabled={none}
          onClick={() => onSave(normaliseFields(chosen))}
          testId="save-fields"
        >
          Save
        </Button>
        <Button onClick={onCancel} testId="cancel-fields">
          Cancel
        </Button>
      </ButtonRow>
    </>
  );
}
