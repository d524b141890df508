import { hubspot } from '@hubspot/ui-extensions';
import { DealLicenses } from './components/deal-licenses';
import { createBackend } from './lib/backend';

// One client per card: it is stateless, and a stable object keeps the cards' effects from restarting.
const backend = createBackend();

// The licenses of the contacts associated with the deal this card sits on.
hubspot.extend<'crm.record.tab'>(({ context }) => (
  <DealLicenses dealId={String(context.crm.objectId)} of="contacts" backend={backend} />
));
