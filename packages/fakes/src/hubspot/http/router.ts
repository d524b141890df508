import type { Route } from './route';

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
  /** `METHOD /template`, the key of the request log's per-endpoint counts. */
  endpoint: string;
}

interface CompiledRoute {
  route: Route;
  regex: RegExp;
  names: string[];
  literalSegments: number;
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const segments = route.path.split('/').filter(Boolean);
  const source = segments
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (!param?.[1]) return segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      names.push(param[1]);
      return '([^/]+)';
    })
    .join('/');
  return {
    route,
    regex: new RegExp(`^/${source}/?$`),
    names,
    literalSegments: segments.length - names.length,
  };
}

/** Literal segments win over templates, so `/crm/v3/objects/x/search` never reads as a record id. */
export function createRouter(routes: Route[]) {
  const compiled = routes.map(compile).sort((a, b) => b.literalSegments - a.literalSegments);
  return {
    match(method: string, pathname: string): RouteMatch | undefined {
      for (const c of compiled) {
        if (c.route.method !== method) continue;
        const m = c.regex.exec(pathname);
        if (!m) continue;
        const params = Object.fromEntries(
          c.names.map((name, i) => [name, decodeURIComponent(m[i + 1] ?? '')]),
        );
        return { route: c.route, params, endpoint: `${c.route.method} ${c.route.path}` };
      }
      return undefined;
    },
  };
}
