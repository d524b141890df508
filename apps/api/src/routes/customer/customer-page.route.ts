import { freeCustomerSeat, getCustomerPage } from '@licensync/core/customer-page';
import { customerLinkKey, verifyCustomerLink } from '@licensync/core/deliveries';
import express, { type Request, Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps';
import { sendCustomerPage, sendLinkGone } from './customer-layout';
import { toCustomerPageHtml } from './customer-page-html';
import { html } from './html';

const tokenText = z.string().min(1).max(2048);
const freeSeatBody = z.object({ token: tokenText, activation_id: z.uuid() });

/**
 * The customer page a delivery mail links to: the signed link (see `signCustomerLink`) names the
 * workspace and customer and expires; no session, no script. A seat is freed by a form that
 * carries the same token, so the page needs no cookie and another site cannot forge the post
 * without the token.
 */
export function customerPageRoute(deps: AppDeps): Router {
  const router = Router();
  const key = customerLinkKey(deps.config.ENCRYPTION_KEY);
  const claimsOf = (raw: unknown) => {
    const token = tokenText.safeParse(raw);
    return token.success ? verifyCustomerLink(token.data, key, Date.now() / 1000) : null;
  };
  const notices: Record<string, string> = { freed: 'The seat is free.', gone: 'That seat was already free.' };

  router.get('/page', async (req: Request, res) => {
    const claims = claimsOf(req.query.token);
    if (!claims) return sendLinkGone(res);
    const page = await getCustomerPage(deps.db, claims.workspaceId, claims.customerId);
    if (!page) return sendLinkGone(res);
    const notice = typeof req.query.notice === 'string' ? (notices[req.query.notice] ?? null) : null;
    sendCustomerPage(res, 200, 'Your licenses', toCustomerPageHtml(page, String(req.query.token), notice));
  });

  router.post('/page/deactivate', express.urlencoded({ extended: false, limit: '8kb' }), async (req, res) => {
    const body = freeSeatBody.safeParse(req.body);
    if (!body.success) {
      return sendCustomerPage(
        res,
        400,
        'Bad request',
        html`<h1>Bad request</h1><p>The form was incomplete.</p>`,
      );
    }
    const claims = claimsOf(body.data.token);
    if (!claims) return sendLinkGone(res);
    const freed = await freeCustomerSeat(deps.db, {
      workspaceId: claims.workspaceId,
      customerId: claims.customerId,
      activationId: body.data.activation_id,
      actor: `customer:${claims.customerId}`,
    });
    // Post/redirect/get: a reload does not post again.
    res.redirect(
      303,
      `/customer/v1/page?token=${encodeURIComponent(body.data.token)}&notice=${freed ? 'freed' : 'gone'}`,
    );
  });

  return router;
}
