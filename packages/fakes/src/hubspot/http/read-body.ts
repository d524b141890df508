import type { IncomingMessage } from 'node:http';

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `undefined` for an empty body; `{ text }` when it is not JSON, so the caller can answer HubSpot's 400. */
export function parseJson(text: string): { value: unknown } | { invalid: string } | undefined {
  if (text.trim() === '') return undefined;
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { invalid: (error as Error).message };
  }
}
