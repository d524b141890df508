import { verify } from 'node:crypto';

export interface LicenseAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked by the assertions, not by types
  body: any;
  text: string;
  headers: Headers;
}

/** Calls the public license API (`/license/v1/<path>`) as an app would: JSON in, JSON out. */
export function licenseCall(apiUrl: string) {
  return async (
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<LicenseAnswer> => {
    const res = await fetch(`${apiUrl}/license/v1/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {}
    return { status: res.status, body: parsed, text, headers: res.headers };
  };
}

/** Verifies an answer's `Licensync-Signature` with nothing but node:crypto and the public key. */
export function signatureHolds(answer: { text: string; headers: Headers }, publicKeyPem: string): boolean {
  const header = answer.headers.get('licensync-signature') ?? '';
  const signature = /ed25519=([\w-]+)/.exec(header)?.[1];
  if (!signature) return false;
  return verify(null, Buffer.from(answer.text, 'utf8'), publicKeyPem, Buffer.from(signature, 'base64url'));
}
