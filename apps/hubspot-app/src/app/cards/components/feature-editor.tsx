import {
  Button,
  ButtonRow,
  Heading,
  MultiSelect,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { Backend } from '../lib/backend';
import { describeError } from '../lib/backend-error';
import type { LicenseDetail } from '../lib/types';
import { ActionError } from './states';

/** Product features on a license: the ones it has (each removable) and Add for the product's others. */
export function FeatureEditor({
  licenseId,
  backend,
  license,
  onChanged,
}: {
  licenseId: string;
  backend: Backend;
  license: LicenseDetail;
  onChanged: () => void;
}) {
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const features = license.features ?? [];
  const addable = (license.availableFeatures ?? []).filter((f) => !features.some((h) => h.code === f.code));

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      setPicked([]);
      onChanged();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Heading>Product features</Heading>
      <ActionError title="Features were not changed" message={error} />
      {features.length === 0 ? <Text>No features on this license.</Text> : null}
      {features.length > 0 ? (
        <Table testId="features">
          <TableBody>
            {features.map((f) => (
              <TableRow key={f.code}>
                <TableCell>{f.name}</TableCell>
                <TableCell>
                  <Button
                    size="sm"
                    variant="destructive"
                    disabled={busy}
                    testId={`remove-feature-${f.code}`}
                    onClick={() => run(() => backend.removeFeature(licenseId, f.code))}
                  >
                    Delete
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {addable.length > 0 ? (
        <>
          <MultiSelect
            testId="add-features"
            name="features"
            label="Add features"
            value={picked}
            options={addable.map((f) => ({ label: f.name, value: f.code }))}
            onChange={(value) => setPicked(value.map(String))}
          />
          <ButtonRow>
            <Button
              disabled={busy || picked.length === 0}
              testId="add-features-button"
              onClick={() =>
                run(async () => {
                  // One call per feature: the contract adds one at a time, and a failure names the one that failed.
                  for (const code of picked) await backend.addFeature(licenseId, code);
                })
              }
            >
              Add features
            </Button>
          </ButtonRow>
        </>
      ) : null}
    </>
  );
}
