/**
 * JSON schemas per component type, for HubSpot's parser to validate against offline. HubSpot serves
 * the real ones from an account's API (`project-components-external/project-schemas/v3/<version>`),
 * which a test cannot reach; these encode what HubSpot's docs and component templates require
 * (developers.hubspot.com app configuration, HubSpot/hubspot-project-components 2026.03).
 */
const httpsUrl = { type: 'string', pattern: '^https://(?!localhost[:/]|127\\.0\\.0\\.1)[^\\s]+$' };
const nonEmpty = { type: 'string', minLength: 1 };

export const PROJECT_SCHEMAS: Record<string, object> = {
  APPLICATION: {
    type: 'object',
    required: ['name', 'description', 'distribution', 'auth', 'permittedUrls'],
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 200, pattern: '^\\S(.*\\S)?$' },
      description: { type: 'string', minLength: 1, maxLength: 8192 },
      distribution: { enum: ['private', 'marketplace'] },
      auth: {
        type: 'object',
        required: ['type', 'redirectUrls', 'requiredScopes'],
        properties: {
          type: { enum: ['oauth', 'static'] },
          redirectUrls: { type: 'array', minItems: 1, items: httpsUrl },
          requiredScopes: { type: 'array', minItems: 1, uniqueItems: true, items: nonEmpty },
          optionalScopes: { type: 'array', items: nonEmpty },
          conditionallyRequiredScopes: { type: 'array', items: nonEmpty },
        },
      },
      permittedUrls: {
        type: 'object',
        properties: {
          fetch: { type: 'array', items: httpsUrl },
          iframe: { type: 'array', items: httpsUrl },
          img: { type: 'array', items: httpsUrl },
        },
      },
    },
  },
  CARD: {
    type: 'object',
    required: ['name', 'location', 'entrypoint', 'objectTypes'],
    properties: {
      name: nonEmpty,
      location: { enum: ['crm.record.tab', 'crm.record.sidebar', 'crm.preview', 'helpdesk.sidebar'] },
      entrypoint: { type: 'string', pattern: '^/app/cards/[^/]+\\.(tsx|jsx)$' },
      objectTypes: {
        type: 'array',
        minItems: 1,
        items: { enum: ['contacts', 'companies', 'deals', 'tickets', 'products', 'line_items', 'quotes'] },
      },
    },
  },
  WORKFLOW_ACTION: {
    type: 'object',
    required: ['actionUrl', 'isPublished', 'supportedClients', 'inputFields', 'labels', 'objectTypes'],
    properties: {
      actionUrl: httpsUrl,
      isPublished: { type: 'boolean' },
      supportedClients: { type: 'array', minItems: 1, items: { type: 'object', required: ['client'] } },
      objectTypes: { type: 'array', minItems: 1, items: { enum: ['CONTACT', 'COMPANY', 'DEAL', 'TICKET'] } },
      inputFields: {
        type: 'array',
        items: {
          type: 'object',
          required: ['typeDefinition', 'supportedValueTypes'],
          properties: {
            typeDefinition: {
              type: 'object',
              required: ['name', 'type'],
              properties: { name: nonEmpty, optionsUrl: httpsUrl },
            },
            supportedValueTypes: { type: 'array', items: { enum: ['STATIC_VALUE', 'OBJECT_PROPERTY'] } },
          },
        },
      },
      labels: {
        type: 'object',
        required: ['en'],
        properties: { en: { type: 'object', required: ['actionName'] } },
      },
    },
  },
  WEBHOOKS: {
    type: 'object',
    required: ['settings', 'subscriptions'],
    properties: {
      settings: {
        type: 'object',
        required: ['targetUrl'],
        properties: { targetUrl: httpsUrl, maxConcurrentRequests: { type: 'integer', minimum: 5 } },
      },
      subscriptions: {
        type: 'object',
        properties: {
          legacyCrmObjects: {
            type: 'array',
            items: { type: 'object', required: ['subscriptionType', 'active'] },
          },
          crmObjects: {
            type: 'array',
            items: { type: 'object', required: ['subscriptionType', 'objectType', 'active'] },
          },
          hubEvents: { type: 'array', items: { type: 'object', required: ['subscriptionType', 'active'] } },
        },
      },
    },
  },
};
