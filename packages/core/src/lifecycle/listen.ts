import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ListenError } from './listen-error';

export { ListenError };

/**
 * Starts `server` on `host:port` and resolves with the bound address, or rejects with a
 * `ListenError` naming `variable` (e.g. a port another process holds). Express's `app.listen`
 * hands the error to its callback, where it is easy to mistake for success.
 */
export function listen(
  server: Server,
  opts: { host: string; port: number; variable: string },
): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(new ListenError(opts.variable, opts.host, opts.port, err.code));
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(opts.port, opts.host);
  });
}
