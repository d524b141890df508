import { randomUUID } from 'node:crypto';

/** Body HubSpot sends with a 4xx/5xx (the spec's `Error` schema plus the wire's `status: 'error'`). */
export interface HubspotErrorBody {
  status: 'error';
  message: string;
  correlationId: string;
  category?: string;
  subCategory?: string;
  context?: Record<string, string[]>;
  errors?: Array<{ message: string; code?: string; context?: Record<string, string[]>; in?: string }>;
}

/** Thrown by route handlers; the server turns it into HubSpot's error body. */
export class HubspotError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly body: Omit<HubspotErrorBody, 'status' | 'correlationId'>,
  ) {
    super(body.message);
  }

  toBody(): HubspotErrorBody {
    return { status: 'error', correlationId: randomUUID(), ...this.body };
  }
}

export const validationError = (message: string, extra: Partial<HubspotErrorBody> = {}) =>
  new HubspotError(400, { message, category: 'VALIDATION_ERROR', ...extra });

export const notFoundError = (message: string, extra: Partial<HubspotErrorBody> = {}) =>
  new HubspotError(404, { message, category: 'OBJECT_NOT_FOUND', ...extra });

export const conflictError = (message: string, extra: Partial<HubspotErrorBody> = {}) =>
  new HubspotError(409, { message, category: 'CONFLICT', ...extra });

/**
 * HubSpot deserialises bodies with Jackson and echoes its message; these errors carry no `category`
 * on the wire, so callers must classify by HTTP status.
 */
export const invalidJsonError = (detail: string) =>
  new HubspotError(400, { message: `Invalid input JSON on line 1, column 1: ${detail}` });

export const unknownObjectTypeError = (objectType: string, httpStatus = 400) =>
  new HubspotError(httpStatus, {
    message: `Unable to infer object type from: ${objectType}`,
    category: httpStatus === 404 ? 'OBJECT_NOT_FOUND' : 'VALIDATION_ERROR',
  });
