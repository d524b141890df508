/** A browser without a browser: one cookie jar, forms posted urlencoded, redirects not followed. */
export interface ConsoleClient {
  get(
    path: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; location: string | null; html: string }>;
  /** Posts a form; the page's CSRF token is added unless `csrf: false`. */
  post(
    path: string,
    fields?: Record<string, string>,
    opts?: { csrf?: boolean },
  ): Promise<{ status: number; location: string | null; html: string }>;
  signIn(
    key: string,
    next?: string,
  ): Promise<{ status: number; location: string | null; setCookie: string[] }>;
  csrf(): string;
  /** The jar as a Cookie header, to present the same session to another api process. */
  cookie(): string;
}

export function consoleClient(base: string): ConsoleClient {
  const jar = new Map<string, string>();
  let token = '';
  const remember = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      if (value.join('=') === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name!);
      else jar.set(name!, value.join('='));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const send = async (path: string, init: RequestInit & { headers?: Record<string, string> }) => {
    const res = await fetch(`${base}${path}`, {
      ...init,
      redirect: 'manual',
      headers: { cookie: cookie(), ...init.headers },
    });
    remember(res);
    const html = await res.text();
    const found = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (found) token = found;
    return { status: res.status, location: res.headers.get('location'), html, res };
  };
  return {
    get: (path, headers = {}) => send(path, { headers }),
    post: (path, fields = {}, opts = {}) =>
      send(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(opts.csrf === false ? fields : { _csrf: token, ...fields }).toString(),
      }),
    async signIn(key, next = '/console/') {
      await send(`/console/signin?next=${encodeURIComponent(next)}`, {});
      const { status, location, res } = await send('/console/signin', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: token, next, key }).toString(),
      });
      return { status, location, setCookie: res.headers.getSetCookie() };
    },
    csrf: () => token,
    cookie,
  };
}
