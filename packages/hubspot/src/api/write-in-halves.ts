import { isInvalidBatchError } from '../classify-hubspot-error';
import type { BatchWriteResult } from './hubspot-session';

/**
 * Sends `inputs` as one batch; when HubSpot refuses the whole batch with a 400 (one bad input can
 * do that), sends each half again, down to single inputs, so only the offending inputs fail, each
 * with HubSpot's message. At most ⌈log2(n)⌉ rounds of splitting.
 */
export async function writeInHalves<I>(
  inputs: I[],
  keyOf: (input: I) => string,
  send: (chunk: I[]) => Promise<BatchWriteResult>,
): Promise<BatchWriteResult> {
  try {
    return await send(inputs);
  } catch (err) {
    if (!isInvalidBatchError(err)) throw err;
    if (inputs.length === 1) return new Map([[keyOf(inputs[0]!), { error: err.message }]]);
    const mid = Math.ceil(inputs.length / 2);
    const first = await writeInHalves(inputs.slice(0, mid), keyOf, send);
    const second = await writeInHalves(inputs.slice(mid), keyOf, send);
    return new Map([...first, ...second]);
  }
}
