/**
 * Calls the admin API (`/api/v1…`) with the admin token. A string `body` is sent as it is, anything
 * else as JSON; `headers` win over the defaults (e.g. another `authorization` or `content-type`).
 */
export type AdminCall = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
  // biome-ignore lint/suspicious/noExplicitAny: responses are checked by the assertions, not by types
) => Promise<{ status: number; body: any }>;

export function adminCall(apiUrl: string, token: string): AdminCall {
  return async (method, path, body, headers = {}) => {
    const res = await fetch(`${apiUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
}
