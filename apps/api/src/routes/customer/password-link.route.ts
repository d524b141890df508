import { findPasswordSetToken, usePasswordSetToken } from '@licensync/core/deliveries';
import { InvalidInputError } from '@licensync/core/errors';
import express, { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps';
import { sendCustomerPage, sendLinkGone } from './customer-layout';
import { html } from './html';

const tokenText = z.string().min(20).max(200);
const setBody = z.object({ token: tokenText, password: z.string().max(4096) });

const form = (token: string, email: string, problem: string | null) =>
  html`<h1>Set your password</h1>
<p>For <strong>${email}</strong>. This link works once.</p>
${problem ? html`<p><strong>${problem}</strong></p>` : ''}
<form method="post" action="/customer/v1/password">
<input type="hidden" name="token" value="${token}">
<label>Password <input type="password" name="password" minlength="8" required autocomplete="new-password"></label>
<button type="submit">Set password</button></form>`;

/** The one-time password-set link of a license user's invitation: a form, then the link is spent. */
export function passwordLinkRoute(deps: AppDeps): Router {
  const router = Router();

  router.get('/password', async (req, res) => {
    const token = tokenText.safeParse(req.query.token);
    const target = token.success ? await findPasswordSetToken(deps.db, token.data) : null;
    if (!token.success || !target) return sendLinkGone(res);
    sendCustomerPage(res, 200, 'Set your password', form(token.data, target.email, null));
  });

  router.post('/password', express.urlencoded({ extended: false, limit: '8kb' }), async (req, res) => {
    const body = setBody.safeParse(req.body);
    if (!body.success) return sendLinkGone(res);
    try {
      const target = await usePasswordSetToken(deps.db, {
        token: body.data.token,
        password: body.data.password,
      });
      if (!target) return sendLinkGone(res);
      sendCustomerPage(
        res,
        200,
        'Password set',
        html`<h1>Password set</h1><p>Sign in to the app as <strong>${target.email}</strong>.</p>`,
      );
    } catch (err) {
      if (!(err instanceof InvalidInputError)) throw err;
      // Refused before the token was spent: the same link still works.
      const target = await findPasswordSetToken(deps.db, body.data.token);
      if (!target) return sendLinkGone(res);
      sendCustomerPage(
        res,
        400,
        'Set your password',
        form(body.data.token, target.email, 'The password must be at least 8 characters long.'),
      );
    }
  });

  return router;
}
