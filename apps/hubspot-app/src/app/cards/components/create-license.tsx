import { Button, ButtonRow, Divider, Heading, NumberInput, Select, Text } from '@hubspot/ui-extensions';
import { useMemo, useRef, useState } from 'react';
import type { Backend } from '../lib/backend';
import { describeError } from '../lib/backend-error';
import { overridesToSend } from '../lib/overrides';
import type { License, Policy, Product, RecordRef } from '../lib/types';
import { useLoad } from '../lib/use-load';
import { useRecordData } from '../lib/use-record-data';
import { FieldInput } from './field-input';
import { ActionError, Empty, Failure, Loading } from './states';

interface Props {
  record: RecordRef;
  backend: Backend;
  onCreated: (licenses: License[]) => void;
  onCancel: () => void;
}

const newRequestId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

const initialValues = (policy: Policy | undefined) =>
  Object.fromEntries((policy?.fields ?? []).map((f) => [f.name, f.default ?? null]));

/** What stops the order before it is sent: a required field left empty or a quantity below one. */
export function missingInput(policy: Policy | undefined, values: Record<string, unknown>, quantity: number) {
  if (!policy) return 'Choose a product and a license policy.';
  const empty = policy.fields.find(
    (f) =>
      f.required &&
      !(f.name === 'validDuration' && values.validUntil) &&
      (values[f.name] == null || values[f.name] === ''),
  );
  if (empty) return `${empty.label} is required.`;
  if (!Number.isInteger(quantity) || quantity < 1) return 'Quantity must be a whole number of at least 1.';
  return null;
}

/** Create License: product → policy → the policy type's fields → quantity, then the backend's verdict. */
export function CreateLicense({ record, backend, onCreated, onCancel }: Props) {
  const products = useLoad(() => backend.listProducts(), 'products');
  const recordData = useRecordData(record);
  const [productId, setProductId] = useState<string | null>(null);
  const [policyId, setPolicyId] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [quantity, setQuantity] = useState(1);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const attempt = useRef<{ key: string; id: string } | null>(null);

  const product: Product | undefined =
    products.status === 'ready' ? products.data.products.find((p) => p.id === productId) : undefined;
  // Products usually carry their policies; when one does not, ask for them.
  const policies = useLoad<Policy[]>(
    () =>
      product?.policies
        ? Promise.resolve(product.policies)
        : product
          ? backend.listPolicies(product.id).then((a) => a.policies)
          : Promise.resolve([]),
    `policies:${product?.id ?? ''}`,
  );
  const policyList = policies.status === 'ready' ? policies.data : [];
  const policy = useMemo(() => policyList.find((p) => p.id === policyId), [policyList, policyId]);

  if (products.status === 'loading') return <Loading label="Loading products" />;
  if (products.status === 'error')
    return <Failure title="Could not load products" message={products.message} onRetry={products.reload} />;
  if (products.data.products.length === 0)
    return (
      <Empty title="No products in licensync">
        <Text>Create a product and a license policy in licensync first, then come back.</Text>
        <Button onClick={onCancel}>Back</Button>
      </Empty>
    );

  const submit = async () => {
    const problem = missingInput(policy, values, quantity);
    if (problem || !policy || !productId) return setError(problem);
    setSaving(true);
    setError(null);
    const order = {
      productId,
      policyId: policy.id,
      quantity,
      overrides: overridesToSend(policy, values),
      record: recordData.record,
    };
    // Submitting the same order again (after a timeout, say) reuses its id: the backend answers with
    // the order it already made. Anything changed is a new order.
    const key = JSON.stringify(order);
    if (attempt.current?.key !== key) attempt.current = { key, id: newRequestId() };
    try {
      const answer = await backend.createOrder(record, { ...order, requestId: attempt.current.id });
      onCreated(answer.licenses);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Heading>Create License</Heading>
      <ActionError title="The order was not created" message={error} />
      <ActionError
        title="Could not read this record from HubSpot"
        message={
          recordData.error ? `${recordData.error.message} The order may lack the record's details.` : null
        }
      />
      <Select
        testId="product"
        name="product"
        label="Product"
        required
        value={productId ?? undefined}
        options={products.data.products.map((p) => ({ label: p.name, value: p.id }))}
        onChange={(value) => {
          setProductId(String(value));
          setPolicyId(null);
          setValues({});
        }}
      />
      {product && policies.status === 'loading' ? <Loading label="Loading policies" /> : null}
      {product && policies.status === 'error' ? (
        <Failure title="Could not load policies" message={policies.message} onRetry={policies.reload} />
      ) : null}
      {product && policies.status === 'ready' ? (
        <Select
          testId="policy"
          name="policy"
          label="License policy"
          required
          value={policyId ?? undefined}
          options={policyList.map((p) => ({ label: `${p.name} (${p.licenseType})`, value: p.id }))}
          onChange={(value) => {
            const next = policyList.find((p) => p.id === String(value));
            setPolicyId(String(value));
            setValues(initialValues(next));
          }}
        />
      ) : null}
      {policy ? (
        <>
          <Divider />
          <Text format={{ fontWeight: 'bold' }}>{`${policy.licenseType} policy`}</Text>
          {policy.fields.map((field) => (
            <FieldInput
              key={field.name}
              field={field}
              value={values[field.name]}
              product={product}
              onChange={(value) => setValues((v) => ({ ...v, [field.name]: value }))}
            />
          ))}
          <NumberInput
            testId="quantity"
            name="quantity"
            label="Quantity"
            min={1}
            value={quantity}
            onChange={(value) => setQuantity(value)}
          />
        </>
      ) : null}
      <ButtonRow>
        <Button
          variant="primary"
          disabled={!policy || saving || recordData.isLoading}
          onClick={submit}
          testId="create-order"
        >
          {saving ? 'Creating…' : 'Create Order'}
        </Button>
        <Button onClick={onCancel} disabled={saving} testId="cancel">
          Cancel
        </Button>
      </ButtonRow>
    </>
  );
}
