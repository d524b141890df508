import type { RequestHandler } from 'express';

export interface BytesInFlightLimit {
  middleware: RequestHandler;
  /** Body bytes reserved by requests being received or handled right now. */
  bytesInFlight(): number;
}

/**
 * Bounds the memory request bodies can hold: each request reserves its declared length (the
 * largest allowed body when it declares none) until its response ends; one that would pass
 * `maxBytes` is refused at once with 429, before a byte of its body is read, and its connection
 * is closed. A body over `maxBodyBytes` is refused with 413 the same way.
 */
export function limitBytesInFlight(opts: { maxBytes: number; maxBodyBytes: number }): BytesInFlightLimit {
  let inFlight = 0;
  const refuse = (res: Parameters<RequestHandler>[1], status: number, error: string) => {
    res.setHeader('connection', 'close');
    if (status === 429) res.setHeader('retry-after', '1');
    res.status(status).json({ error });
  };
  const middleware: RequestHandler = (req, res, next) => {
    const header = req.headers['content-length'];
    const declared = header === undefined ? opts.maxBodyBytes : Number(header);
    if (declared > opts.maxBodyBytes) return refuse(res, 413, 'request body is larger than 1 MB');
    if (inFlight + declared > opts.maxBytes)
      return refuse(res, 429, 'too many request bytes in flight; retry later');
    inFlight += declared;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight -= declared;
    };
    res.once('finish', release);
    res.once('close', release);
    next();
  };
  return { middleware, bytesInFlight: () => inFlight };
}
