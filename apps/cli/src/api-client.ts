import { CliError, EXIT } from './exit-codes';

export interface ApiClientOptions {
  /** Base URL of the api, e.g. `http://127.0.0.1:3000`. */
  url: string;
  token: string | undefined;
  /** Sent as `Licensync-Workspace`; unset = the default workspace. */
  workspace?: string | undefined;
}

export interface RequestOptions {
  query?: Record<string, string | number | undefined>;
  /** Sent as JSON unless `contentType` says otherwise (then it must be a string). */
  body?: unknown;
  contentType?: string;
  /** Give up after this long, in ms. Default 60 000. */
  timeoutMs?: number;
  /** Send the admin token. Default true. */
  auth?: boolean;
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/**
 * The api over HTTP, turning each way a call can fail into the exit code it deserves: no answer
 * or a refused token → 3, a 400 → 2, any other error status → 1 with the api's `error` text.
 */
export function createApiClient(opts: ApiClientOptions) {
  const base = opts.url.replace(/\/+$/, '');

  async function send(method: string, path: string, req: RequestOptions = {}): Promise<Response> {
    const url = new URL(`${base}${path}`);
    for (const [key, value] of Object.entries(req.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    if (req.auth !== false && !opts.token) {
      throw new CliError(
        "no admin token: pass --token or set LICENSYNC_ADMIN_TOKEN (or ADMIN_TOKEN) to the api's ADMIN_TOKEN",
        EXIT.usage,
      );
    }
    const headers: Record<string, string> = { ...req.headers, 'x-licensync-client': 'cli' };
    if (req.auth !== false && opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.workspace) headers['licensync-workspace'] = opts.workspace;
    if (req.body !== undefined) headers['content-type'] = req.contentType ?? 'application/json';
    try {
      return await fetch(url, {
        method,
        headers,
        body:
          req.body === undefined ? undefined : req.contentType ? String(req.body) : JSON.stringify(req.body),
        signal: AbortSignal.timeout(req.timeoutMs ?? 60_000),
      });
    } catch (err) {
      // undici hides the reason (ECONNREFUSED, ENOTFOUND, a timeout) under `cause`, sometimes nested.
      const cause = (err as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } })
        .cause;
      const reason = cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message ?? (err as Error).message;
      throw new CliError(`cannot reach the api at ${base} (${reason})`, EXIT.unreachable);
    }
  }

  return {
    url: base,
    /** Calls the api and returns its JSON; throws `CliError` for any non-2xx answer. */
    async call<T = unknown>(method: string, path: string, req: RequestOptions = {}): Promise<T> {
      return readAnswer<T>(await send(method, path, req));
    },
    readAnswer,
    /** The raw response, for endpoints whose error status is an answer (e.g. `/readyz` → 503). */
    send,
  };
}

/** The JSON of a 2xx answer; any other status becomes the `CliError` with its exit code. */
async function readAnswer<T = unknown>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => ({}))) as { error?: string; fields?: Record<string, string> };
  if (res.ok) return body as T;
  if (res.status === 401 || res.status === 403) {
    throw new CliError(
      'the api refused the admin token (set --token or LICENSYNC_ADMIN_TOKEN)',
      EXIT.unreachable,
    );
  }
  const fields = Object.entries(body.fields ?? {}).map(([field, problem]) => `\n  ${field}: ${problem}`);
  const message = `${body.error ?? `HTTP ${res.status}`}${fields.join('')}`;
  throw new CliError(message, res.status === 400 ? EXIT.usage : EXIT.failed);
}
