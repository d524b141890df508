export { createFakeHubspot } from './create-fake-hubspot';
export type {
  FakeHubspot,
  FakeHubspotOauth,
  FakeHubspotOptions,
  PortalCredentials,
} from './fake-hubspot.types';
export type { FailNextOptions } from './limits/fault-injector';
export type { RateLimitSettings } from './limits/rate-limiter';
export { type HubspotContract, loadHubspotContract } from './openapi-contract';
export type { LoggedRequest as HubspotLoggedRequest } from './request-log';
export {
  type HubspotFetchAnswer,
  type HubspotFetchCaller,
  type HubspotFetchInit,
  hubspotFetch,
} from './signing/hubspot-fetch';
export { postWorkflowAction, type WorkflowActionCaller } from './signing/post-workflow-action';
export {
  type HubspotRequestToSign,
  hubspotSignatureV2,
  hubspotSignatureV3,
  signHubspotRequest,
  toHubspotSignedUri,
} from './signing/sign-hubspot-request';
export { skipWithoutSpecs } from './skip-without-specs';
export type { AssociationEdge, CrmRecord, CustomObjectSchema, PropertyDefinition } from './store/crm-types';
export type { CallbackCompletion } from './store/portal-store';
