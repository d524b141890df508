import {
  Button,
  DescriptionList,
  DescriptionListItem,
  Divider,
  StatusTag,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { fieldLabel, formatField, type LicenseFieldKey, licenseStatus } from '../lib/license-fields';
import type { License } from '../lib/types';

interface Props {
  licenses: License[];
  fields: LicenseFieldKey[];
  total: number;
  onOpen: (licenseId: string) => void;
  /** Absent on deal cards: licenses are updated from their contact or company. */
  onUpdate?: (licenseId: string) => void;
}

function Value({
  license,
  field,
  onOpen,
}: {
  license: License;
  field: LicenseFieldKey;
  onOpen: (id: string) => void;
}) {
  if (field === 'status') {
    const status = licenseStatus(license);
    return <StatusTag variant={status.variant}>{status.text}</StatusTag>;
  }
  if (field === 'key') {
    return (
      <Button
        variant="transparent"
        size="sm"
        onClick={() => onOpen(license.id)}
        testId={`open-${license.id}`}
      >
        {license.key}
      </Button>
    );
  }
  return <Text>{formatField(license, field)}</Text>;
}

/** The middle-column table: one row per license, the chosen fields as columns, and Update on the right. */
export function LicenseTable({ licenses, fields, total, onOpen, onUpdate }: Props) {
  return (
    <>
      <Table bordered testId="license-table">
        <TableHead>
          <TableRow>
            {fields.map((f) => (
              <TableHeader key={f}>{fieldLabel(f)}</TableHeader>
            ))}
            {onUpdate ? <TableHeader>Actions</TableHeader> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {licenses.map((license) => (
            <TableRow key={license.id} testId={`row-${license.id}`}>
              {fields.map((f) => (
                <TableCell key={f}>
                  <Value license={license} field={f} onOpen={onOpen} />
                </TableCell>
              ))}
              {onUpdate ? (
                <TableCell>
                  <Button size="sm" onClick={() => onUpdate(license.id)} testId={`update-${license.id}`}>
                    Update
                  </Button>
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {total > licenses.length ? (
        <Text testId="more">{`Showing ${licenses.length} of ${total} licenses.`}</Text>
      ) : null}
    </>
  );
}

/** The sidebar: each license as a short description list, same fields and actions as the table. */
export function LicenseStack({ licenses, fields, total, onOpen, onUpdate }: Props) {
  return (
    <>
      {licenses.map((license) => (
        <DescriptionList key={license.id} direction="column" testId={`item-${license.id}`}>
          {fields.map((f) => (
            <DescriptionListItem key={f} label={fieldLabel(f)}>
              <Value license={license} field={f} onOpen={onOpen} />
            </DescriptionListItem>
          ))}
          {onUpdate ? (
            <DescriptionListItem label="">
              <Button size="sm" onClick={() => onUpdate(license.id)} testId={`update-${license.id}`}>
                Update
              </Button>
            </DescriptionListItem>
          ) : null}
        </DescriptionList>
      ))}
      {licenses.length > 0 ? <Divider /> : null}
      {total > licenses.length ? (
        <Text testId="more">{`Showing ${licenses.length} of ${total} licenses.`}</Text>
      ) : null}
    </>
  );
}
