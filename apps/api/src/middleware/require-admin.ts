import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Lets a request through only with `Authorization: Bearer <token>`. Both sides are hashed first so
 * the comparison is constant-time and takes equal-length inputs whatever the caller sends.
 */
export function requireAdmin(token: string): RequestHandler {
  const expected = digest(token);
  return (req, res, next) => {
    const presented = /^Bearer +(\S+) *$/i.exec(req.get('authorization') ?? '')?.[1];
    if (presented === undefined || !timingSafeEqual(digest(presented), expected)) {
      res.set('WWW-Authenticate', 'Bearer realm="licensync admin"');
      return void res.status(401).json({ error: 'missing or invalid admin token' });
    }
    next();
  };
}
