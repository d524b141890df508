import { isUtf8 } from 'node:buffer';

/** Stripe's ids are at most 255 characters; a longer one is no Stripe id and too big to index well. */
export const MAX_EVENT_ID_LENGTH = 255;
export const MAX_EVENT_TYPE_LENGTH = 255;

/**
 * Why a verified event cannot be stored as received, or undefined when it can. Only what Postgres
 * cannot hold faithfully is refused: anything else that was signed is stored, even if no handler
 * will understand it.
 */
export function storableEventProblem(body: Buffer, event: unknown): string | undefined {
  // JSON is UTF-8 (RFC 8259); other bytes would be replaced on the way into a text column.
  if (!isUtf8(body)) return 'body is not valid UTF-8';
  if (body.includes(0)) return 'body contains a NUL byte';
  if (typeof event !== 'object' || event === null || Array.isArray(event))
    return 'event needs a string id and type';
  const { id, type } = event as { id?: unknown; type?: unknown };
  if (typeof id !== 'string' || typeof type !== 'string') return 'event needs a string id and type';
  return fieldProblem('id', id, MAX_EVENT_ID_LENGTH) ?? fieldProblem('type', type, MAX_EVENT_TYPE_LENGTH);
}

function fieldProblem(name: string, value: string, max: number): string | undefined {
  if (value.length === 0) return `event ${name} is empty`;
  if (value.length > max) return `event ${name} is longer than ${max} characters`;
  if (value.includes('\u0000')) return `event ${name} contains a NUL character`;
  // A lone surrogate has no UTF-8 form: two different ids would be stored as the same one.
  if (!value.isWellFormed()) return `event ${name} is not well-formed Unicode (lone surrogate)`;
  return undefined;
}
