import type { Response } from 'express';

/** The one error shape of every endpoint HubSpot calls: `{ error: { code, message } }`. */
export function sendHubspotError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}
