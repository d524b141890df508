/** The body Stripe sends for every failed request: `{ error: { type, code?, message, param? } }`. */
export interface StripeErrorBody {
  type: string;
  code?: string;
  message: string;
  param?: string;
}

/** Thrown by routes and operations; the request handler turns it into Stripe's error response. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    /** Stripe does not store an idempotent result for requests that fail validation. */
    readonly storeIdempotent = true,
  ) {
    super(body.message);
  }

  static resourceMissing(type: string, id: string, param = 'id'): StripeApiError {
    return new StripeApiError(404, {
      type: 'invalid_request_error',
      code: 'resource_missing',
      message: `No such ${type}: '${id}'`,
      param,
    });
  }

  static unknownParameter(param: string): StripeApiError {
    return new StripeApiError(
      400,
      {
        type: 'invalid_request_error',
        code: 'parameter_unknown',
        message: `Received unknown parameter: ${param}`,
        param,
      },
      false,
    );
  }

  static missingParameter(param: string): StripeApiError {
    return new StripeApiError(
      400,
      {
        type: 'invalid_request_error',
        code: 'parameter_missing',
        message: `Missing required param: ${param}.`,
        param,
      },
      false,
    );
  }

  static invalid(message: string, param?: string, code = 'parameter_invalid'): StripeApiError {
    return new StripeApiError(400, { type: 'invalid_request_error', code, message, param }, false);
  }
}
