import { listProducts, parseInput } from '@licensync/core/catalog';
import { UnprocessableError } from '@licensync/core/errors';
import {
  createWorkflowOrder,
  toWorkflowFailureFields,
  toWorkflowOutputFields,
  type WorkflowLicenseRequest,
} from '@licensync/core/orders';
import { completeWorkflowActionJob, retryingJobOptions } from '@licensync/core/queues';
import { type Request, Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { cardErrorHandler } from '../cards/card-error-handler';
import { hubspotCaller } from '../hubspot-caller';
import { resolveHubspotPortal } from '../resolve-hubspot-portal';
import { verifyHubspotSignature } from '../verify-hubspot-signature';
import { needsHubspotRead, toWorkflowLicenseRequest } from './to-workflow-license-request';
import { workflowExecutionBody, workflowOptionsBody } from './workflow-action-bodies';
import { toOptionsPage, toPolicyOptions, toProductOptions } from './workflow-options';

/** Workflow requests name their portal in the signed body, not the query. */
const originPortal = (req: Request) =>
  (req.body as { origin?: { portalId?: unknown } } | undefined)?.origin?.portalId;

/**
 * The "Create License" workflow action (definition: `create-license-action.json`): its options
 * fetches and its execution. Verified with HubSpot's v3 signature, or v2, which HubSpot documents
 * for workflow actions. An order whose customer is known from the request is taken at once and
 * answered `SUCCESS` with the license ids and keys; one that needs a read from HubSpot first is
 * queued for the worker and answered `BLOCK`, the worker completing HubSpot's callback. Either
 * way the order is keyed on the callback id, so HubSpot's retries never take a second one.
 */
export function workflowActionRoute(deps: AppDeps): Router {
  const router = Router();
  const guard = [
    ...verifyHubspotSignature(deps.config, { acceptV2: true }),
    resolveHubspotPortal(deps.db, originPortal),
  ];

  router.post('/hubspot/workflow/options/products', ...guard, async (req, res) => {
    const body = parseInput(workflowOptionsBody, req.body);
    const catalog = await listProducts({ db: deps.db, workspaceId: hubspotCaller(res).workspaceId });
    res.json(toOptionsPage(toProductOptions(catalog), body.fetchOptions));
  });

  router.post('/hubspot/workflow/options/policies', ...guard, async (req, res) => {
    const body = parseInput(workflowOptionsBody, req.body);
    const product = body.inputFields.product?.value?.trim();
    const catalog = product
      ? await listProducts({
          db: deps.db,
          workspaceId: hubspotCaller(res).workspaceId,
          shortCodes: [product],
        })
      : [];
    res.json(toOptionsPage(toPolicyOptions(catalog[0]), body.fetchOptions));
  });

  router.post('/hubspot/workflow/create-license', ...guard, async (req, res) => {
    const { workspaceId } = hubspotCaller(res);
    const request = toWorkflowLicenseRequest(parseInput(workflowExecutionBody, req.body));
    if (needsHubspotRead(request)) {
      await enqueue(workspaceId, request);
      res.json({ outputFields: { hs_execution_state: 'BLOCK' } });
      return;
    }
    try {
      const created = await createWorkflowOrder({ db: deps.db, workspaceId, request });
      res.json({ outputFields: toWorkflowOutputFields(created) });
    } catch (err) {
      if (!(err instanceof UnprocessableError)) throw err;
      res.json({ outputFields: toWorkflowFailureFields('order_refused', err.message) });
    }
  });

  // A request HubSpot built wrong answers 400 in the cards' error shape; HubSpot fails the action.
  router.use('/hubspot/workflow', cardErrorHandler());
  return router;

  // A failure to queue (Redis down) is a 5xx: HubSpot retries the execution, with the same callback id.
  async function enqueue(workspaceId: string, request: WorkflowLicenseRequest) {
    await deps.queues.workflowActions.add(
      completeWorkflowActionJob.name,
      { workspaceId, request },
      {
        ...retryingJobOptions(completeWorkflowActionJob.retry(deps.config)),
        jobId: completeWorkflowActionJob.jobId(workspaceId, request.callbackId),
      },
    );
  }
}
