import { hubspot } from '@hubspot/ui-extensions';
import { RecordLicenses } from './components/record-licenses';
import { createBackend } from './lib/backend';
import { recordFromContext } from './lib/record';

// One client per card: it is stateless, and a stable object keeps the cards' effects from restarting.
const backend = createBackend();

// The Licenses card (table) on contacts and companies; everything it shows comes from licensync.
hubspot.extend<'crm.record.tab'>(({ context, actions }) => (
  <RecordLicenses
    record={recordFromContext(context.crm)}
    backend={backend}
    layout="table"
    notify={(alert) => actions.addAlert(alert)}
  />
));
