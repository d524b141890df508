import type { HubspotSession } from './hubspot-session';

/**
 * Finishes a workflow action that answered `BLOCK`: HubSpot resumes the workflow with these
 * output fields (`hs_execution_state` is `SUCCESS` or `FAIL_CONTINUE`). Values are strings on
 * the wire. Needs the `automation` scope.
 */
export async function completeActionCallback(
  session: HubspotSession,
  callbackId: string,
  outputFields: Record<string, string>,
): Promise<void> {
  await session.call('POST /automation/v4/actions/callbacks/{callbackId}/complete', () =>
    session.client.automation.actions.callbacksApi.completeWithHttpInfo(callbackId, { outputFields }),
  );
}
