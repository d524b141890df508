import type { AdminOperation } from './admin-operation';
import { LEDGER_OPERATIONS } from './ledger-operations';
import { OPERATOR_OPERATIONS } from './operator-operations';

/** Every operation of the admin API; a test fails when a mounted route is missing here. */
export const ADMIN_OPERATIONS: AdminOperation[] = [...LEDGER_OPERATIONS, ...OPERATOR_OPERATIONS];
