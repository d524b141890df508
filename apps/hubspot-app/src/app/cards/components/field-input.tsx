import { Checkbox, DateInput, Input, MultiSelect, NumberInput, Text } from '@hubspot/ui-extensions';
import { fromIsoDay, toIsoTimestamp } from '../lib/dates';
import type { Product } from '../lib/types';

export interface FieldSpec {
  name: string;
  label: string;
  type: string;
  required?: boolean;
}

interface Props {
  field: FieldSpec;
  value: unknown;
  onChange: (value: unknown) => void;
  /** The product the field belongs to: where `features` and `customFields` pick from. */
  product?: Product;
}

/** One input for a policy or license field, by the field's type; values stay in licensync's JSON form. */
export function FieldInput({ field, value, onChange, product }: Props) {
  const testId = `field-${field.name}`;
  const common = { testId, name: field.name, label: field.label, required: field.required };
  switch (field.type) {
    case 'number':
      return (
        <NumberInput
          {...common}
          value={
            typeof value === 'number' ? value : value == null || value === '' ? undefined : Number(value)
          }
          onChange={(v) => onChange(v)}
        />
      );
    case 'duration':
      return (
        <Input
          {...common}
          description="A number and d, w, m or y, e.g. 30d or 1y."
          value={value == null ? '' : String(value)}
          onChange={(v) => onChange(v.trim())}
        />
      );
    case 'date':
      return (
        <DateInput
          {...common}
          format="YYYY-MM-DD"
          value={fromIsoDay(value)}
          onChange={(v) => onChange(toIsoTimestamp(v))}
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
    case 'features': {
      const features = product?.features ?? [];
      if (features.length === 0) return null;
      return (
        <MultiSelect
          {...common}
          value={Array.isArray(value) ? value.map(String) : []}
          options={features.map((f) => ({ label: f.name, value: f.code }))}
          onChange={(v) => onChange(v.map(String))}
        />
      );
    }
    case 'customFields': {
      const fields = product?.customFields ?? [];
      if (fields.length === 0) return null;
      const values = (value ?? {}) as Record<string, string>;
      return (
        <>
          <Text format={{ fontWeight: 'bold' }}>{field.label}</Text>
          {fields.map((f) => (
            <Input
              key={f.name}
              testId={`${testId}-${f.name}`}
              name={`${field.name}.${f.name}`}
              label={f.name}
              placeholder={f.defaultValue ?? undefined}
              value={values[f.name] ?? ''}
              onChange={(v) => onChange({ ...values, [f.name]: v })}
            />
          ))}
        </>
      );
    }
    default:
      return <Input {...common} value={value == null ? '' : String(value)} onChange={(v) => onChange(v)} />;
  }
}
