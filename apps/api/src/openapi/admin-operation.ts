import type { z } from 'zod';

/** One operation of the admin API, described by the zod schemas its handler parses with. */
export interface AdminOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI form, relative to `/api/v1`: `/licenses/{id}`. */
  path: string;
  tag: string;
  summary: string;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Statuses besides 200 (or `status`), 400 and 401 that this operation answers. */
  errors?: (404 | 409 | 422 | 503)[];
  /** The success status; default 200. */
  status?: number;
  response?: z.ZodType;
  /** Headers the handler reads. */
  headers?: { name: string; description: string; schema: z.ZodType }[];
  /** Without the bearer token (the document itself). */
  public?: boolean;
  example?: { request?: unknown; response?: unknown };
}
