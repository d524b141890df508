import { Checkbox, DateInput, Input, NumberInput } from '@hubspot/ui-extensions';
import { fromIsoDay, toIsoDay } from '../lib/dates';

export interface FieldSpec {
  name: string;
  label: string;
  type: string;
  required?: boolean;
}

/** One input for a policy or license field, by the field's type; values stay in licensync's JSON form. */
export function FieldInput({
  field,
  value,
  onChange,
}: {
  field: FieldSpec;
  value: unknown;
  onChange: (value: unknown) => void;
}) {
  const testId = `field-${field.name}`;
  switch (field.type) {
    case 'number':
    case 'duration':
      return (
        <NumberInput
          testId={testId}
          name={field.name}
          label={field.label}
          required={field.required}
          value={
            typeof value === 'number' ? value : value == null || value === '' ? undefined : Number(value)
          }
          onChange={(v) => onChange(v)}
        />
      );
    case 'date':
      return (
        <DateInput
          testId={testId}
          name={field.name}
          label={field.label}
          required={field.required}
          format="YYYY-MM-DD"
          value={fromIsoDay(value)}
          onChange={(v) => onChange(toIsoDay(v))}
        />
      );
    case 'boolean':
      return (
        <Checkbox
          testId={testId}
          name={field.name}
          checked={value === true}
          onChange={(checked) => onChange(checked)}
        >
          {field.label}
        </Checkbox>
      );
    default:
      return (
        <Input
          testId={testId}
          name={field.name}
          label={field.label}
          required={field.required}
          value={value == null ? '' : String(value)}
          onChange={(v) => onChange(v)}
        />
      );
  }
}
