import { ACCESS_OPERATIONS } from './access-operations';
import { ACTIVATION_OPERATIONS } from './activation-operations';
import type { AdminOperation } from './admin-operation';
import { CUSTOMER_OPERATIONS } from './customer-operations';
import { DELIVERY_OPERATIONS } from './delivery-operations';
import { LEDGER_OPERATIONS } from './ledger-operations';
import { OPERATOR_OPERATIONS } from './operator-operations';
import { SETTINGS_OPERATIONS } from './settings-operations';
import { WEBHOOK_OPERATIONS } from './webhook-operations';

/** Every operation of the admin API; a test fails when a mounted route is missing here. */
export const ADMIN_OPERATIONS: AdminOperation[] = [
  ...LEDGER_OPERATIONS,
  ...ACTIVATION_OPERATIONS,
  ...CUSTOMER_OPERATIONS,
  ...SETTINGS_OPERATIONS,
  ...OPERATOR_OPERATIONS,
  ...ACCESS_OPERATIONS,
  ...WEBHOOK_OPERATIONS,
  ...DELIVERY_OPERATIONS,
];
