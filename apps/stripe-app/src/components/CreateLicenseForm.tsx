import { Banner, Box, Button, FocusView, Select, Spinner, TextField } from '@stripe/ui-extension-sdk/ui';
import { useEffect, useState } from 'react';
import { BackendError } from '../backend/backend-error';
import type { LicensyncClient } from '../backend/create-licensync-client';
import type { DashboardLicense, DashboardProduct } from '../backend/dashboard-license';

export interface CreateLicenseFormProps {
  client: LicensyncClient;
  customerId: string;
  shown: boolean;
  onClose: () => void;
  onCreated: (licenses: DashboardLicense[]) => void;
}

type Products =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; list: DashboardProduct[] };

// One key per opening of the form: pressing Create again after a timeout creates nothing twice.
const newKey = () =>
  globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** "Create license" for the customer of the page: the ledger's order, with product, policy, quantity. */
export function CreateLicenseForm({ client, customerId, shown, onClose, onCreated }: CreateLicenseFormProps) {
  const [products, setProducts] = useState<Products>({ state: 'loading' });
  const [product, setProduct] = useState('');
  const [policy, setPolicy] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [email, setEmail] = useState('');
  const [key, setKey] = useState(newKey);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<BackendError | null>(null);

  useEffect(() => {
    if (!shown) return;
    setKey(newKey());
    setProblem(null);
    setProducts({ state: 'loading' });
    client.listProducts().then(
      ({ data }) => {
        setProducts({ state: 'ready', list: data });
        setProduct((current) => current || (data[0]?.short_code ?? ''));
      },
      (err: Error) => setProducts({ state: 'error', message: err.message }),
    );
  }, [client, shown]);

  const chosen = products.state === 'ready' ? products.list.find((p) => p.short_code === product) : undefined;
  const count = Number(quantity);
  const create = async () => {
    setSaving(true);
    setProblem(null);
    try {
      const answer = await client.createLicense(
        customerId,
        { product, quantity: count, ...(policy && { policy }), ...(email.trim() && { email: email.trim() }) },
        key,
      );
      onCreated(answer.data);
    } catch (err) {
      setProblem(err instanceof BackendError ? err : new BackendError(0, (err as Error).message));
    } finally {
      setSaving(false);
    }
  };

  const fieldError = (...names: string[]) => names.map((n) => problem?.fields[n]).find(Boolean);
  return (
    <FocusView
      title="Create license"
      shown={shown}
      setShown={(next) => !next && onClose()}
      primaryAction={
        <Button
          type="primary"
          pending={saving}
          disabled={!chosen || !Number.isInteger(count) || count < 1}
          onPress={create}
        >
          Create
        </Button>
      }
      secondaryAction={<Button onPress={onClose}>Cancel</Button>}
    >
      {products.state === 'loading' && <Spinner />}
      {products.state === 'error' && (
        <Banner type="critical" title="Could not load the products" description={products.message} />
      )}
      {products.state === 'ready' && products.list.length === 0 && (
        <Banner title="No products yet" description="Import a catalog into licensync first." />
      )}
      {products.state === 'ready' && products.list.length > 0 && (
        <Box css={{ stack: 'y', gap: 'medium' }}>
          {problem && (
            <Banner type="critical" title="The license was not created" description={problem.message} />
          )}
          <Select
            label="Product"
            value={product}
            onChange={(e) => setProduct(e.target.value)}
            error={fieldError('product')}
          >
            {products.list.map((p) => (
              <option key={p.short_code} value={p.short_code}>
                {p.name}
              </option>
            ))}
          </Select>
          <Select
            label="Policy"
            value={policy}
            onChange={(e) => setPolicy(e.target.value)}
            error={fieldError('policy')}
          >
            <option value="">{`Default${chosen?.default_policy ? ` (${chosen.default_policy})` : ''}`}</option>
            {(chosen?.policies ?? []).map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </Select>
          <TextField
            label="Quantity"
            type="number"
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            error={fieldError('quantity')}
          />
          <TextField
            label="Email"
            type="email"
            description="Needed only when licensync does not know this customer yet."
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fieldError('email', 'customer.email')}
          />
        </Box>
      )}
    </FocusView>
  );
}
