import { listWorkspaces, type Workspace } from '@licensync/core/workspaces';
import type { Request, Response } from 'express';
import type { AppDeps } from '../app-deps';
import { consoleSession, consoleSessionId } from './console-auth';
import type { ConsoleSessionStore } from './console-session-store';
import type { SafeHtml } from './html';
import { layout } from './layout';

/** What every console page needs: the session's workspace, and how to answer with a page. */
export interface ConsolePages {
  workspace(req: Request): Promise<Workspace>;
  send(req: Request, res: Response, page: { title: string; section: string; body: SafeHtml }): Promise<void>;
  /** After a write: back to `to` (303, so a reload does not post again), with a notice shown once. */
  done(req: Request, res: Response, to: string, notice: string): Promise<void>;
}

export function createConsolePages(deps: Pick<AppDeps, 'db'>, store: ConsoleSessionStore): ConsolePages {
  const workspace = async (req: Request) => {
    const all = await listWorkspaces(deps.db);
    const session = consoleSession(req);
    // A workspace removed under a session falls back to the first rather than to an error page.
    return all.find((w) => w.id === session.workspaceId) ?? all[0]!;
  };
  return {
    workspace,
    async send(req, res, { title, section, body }) {
      const session = consoleSession(req);
      const id = consoleSessionId(req);
      const notice = session.notice;
      if (notice !== undefined && id) await store.save(id, { ...session, notice: undefined });
      const ws = await workspace(req);
      res.type('html').send(
        layout(
          {
            title,
            section,
            notice,
            session: {
              actor: session.actor,
              scope: session.scope,
              csrf: session.csrf,
              workspaceName: ws.name,
            },
          },
          body,
        ),
      );
    },
    async done(req, res, to, notice) {
      const id = consoleSessionId(req);
      if (id) await store.save(id, { ...consoleSession(req), notice });
      res.redirect(303, to);
    },
  };
}
