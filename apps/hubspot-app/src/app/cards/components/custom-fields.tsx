import {
  Button,
  ButtonRow,
  Heading,
  Input,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { Backend } from '../lib/backend';
import { describeError } from '../lib/backend-error';
import type { CustomField } from '../lib/types';
import { ActionError } from './states';

/** The license's custom fields, each with Edit → a value → Update custom field. */
export function CustomFields({
  licenseId,
  backend,
  fields,
  onChanged,
}: {
  licenseId: string;
  backend: Backend;
  fields: CustomField[];
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState<CustomField | null>(null);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    if (!editing) return;
    setBusy(true);
    setError(null);
    try {
      await backend.setCustomField(licenseId, editing.name, value);
      setEditing(null);
      onChanged();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Heading>Custom fields</Heading>
      <ActionError title="The custom field was not updated" message={error} />
      {fields.length === 0 ? (
        <Text>No custom fields: add them to the product and its license policy in licensync first.</Text>
      ) : null}
      {editing ? (
        <>
          <Input
            testId="custom-field-value"
            name="custom-field"
            label={editing.name}
            value={value}
            onChange={setValue}
          />
          <ButtonRow>
            <Button variant="primary" disabled={busy} onClick={save} testId="save-custom-field">
              Update custom field
            </Button>
            <Button disabled={busy} onClick={() => setEditing(null)}>
              Cancel
            </Button>
          </ButtonRow>
        </>
      ) : fields.length > 0 ? (
        <Table testId="custom-fields">
          <TableBody>
            {fields.map((f) => (
              <TableRow key={f.name}>
                <TableCell>{f.name}</TableCell>
                <TableCell>{f.value ?? '—'}</TableCell>
                <TableCell>
                  <Button
                    size="sm"
                    testId={`edit-custom-field-${f.name}`}
                    onClick={() => {
                      setEditing(f);
                      setValue(f.value ?? '');
                    }}
                  >
                    Edit
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </>
  );
}
