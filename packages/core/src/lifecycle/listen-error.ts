/** A server that could not listen, with the variable that chose its port, for a one-line start-up error. */
export class ListenError extends Error {
  override name = 'ListenError';
  constructor(
    readonly variable: string,
    readonly host: string,
    readonly port: number,
    readonly code: string | undefined,
  ) {
    super(
      code === 'EADDRINUSE'
        ? `${variable}=${port} is already in use on ${host}: stop the other process or choose another ${variable}`
        : code === 'EACCES'
          ? `${variable}=${port} on ${host} needs privileges this process lacks: choose a port above 1023`
          : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
            ? `HOST=${host} is not an address of this machine (${code})`
            : `cannot listen on ${host}:${port} (${code ?? 'unknown error'}), set by ${variable}`,
    );
  }
}
