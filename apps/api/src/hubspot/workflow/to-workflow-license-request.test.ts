import { InvalidInputError } from '@licensync/core/errors';
import { describe, expect, it } from 'vitest';
import { needsHubspotRead, toWorkflowLicenseRequest } from './to-workflow-license-request';
import { type WorkflowExecutionBody, workflowExecutionBody } from './workflow-action-bodies';

const body = (patch: {
  objectType?: string;
  properties?: object;
  inputFields?: object;
}): WorkflowExecutionBody =>
  workflowExecutionBody.parse({
    callbackId: 'ap-1-2-3-0',
    origin: { portalId: 62515, actionDefinitionId: 10646377, actionDefinitionVersion: 1 },
    context: { source: 'WORKFLOWS', workflowId: 192814114 },
    object: { objectId: 904, objectType: patch.objectType ?? 'CONTACT', properties: patch.properties ?? {} },
    inputFields: { product: 'pro', ...patch.inputFields },
  });

describe('toWorkflowLicenseRequest', () => {
  it('reads the ids HubSpot sends as numbers as strings, and one license by default', () => {
    const request = toWorkflowLicenseRequest(body({ properties: { email: 'ada@example.com' } }));
    expect(request).toMatchObject({
      callbackId: 'ap-1-2-3-0',
      portalId: '62515',
      workflowId: '192814114',
      object: { type: 'contact', id: '904' },
      product: 'pro',
      quantity: 1,
      customer: { email: 'ada@example.com' },
    });
    expect(needsHubspotRead(request)).toBe(false);
  });

  it.each([
    [
      'the "add customer" fields win over the contact’s properties',
      body({
        properties: { email: 'old@example.com', firstname: 'Old' },
        inputFields: { email: 'new@example.com', firstname: '' },
      }),
      { email: 'new@example.com', firstName: 'Old' },
    ],
    [
      'an enrolled company’s name and domain make the order’s company',
      body({
        objectType: 'COMPANY',
        properties: { name: 'Acme', domain: 'acme.test' },
        inputFields: { email: 'a@acme.test' },
      }),
      { email: 'a@acme.test', company: 'Acme', companyDomain: 'acme.test' },
    ],
    [
      'a deal’s properties never name the customer',
      body({ objectType: 'DEAL', properties: { email: 'x@example.com' } }),
      { email: undefined },
    ],
  ])('%s', (_rule, input, customer) => {
    expect(toWorkflowLicenseRequest(input).customer).toMatchObject(customer);
  });

  it.each([
    ['a deal without the "add customer" email', body({ objectType: 'DEAL' }), true],
    ['a contact without an email', body({ properties: { email: '' } }), true],
    [
      'a company HubSpot sent no name for',
      body({ objectType: 'COMPANY', inputFields: { email: 'a@b.test' } }),
      true,
    ],
    [
      'a deal with the "add customer" email',
      body({ objectType: 'DEAL', inputFields: { email: 'a@b.test' } }),
      false,
    ],
  ])('needs a HubSpot read: %s → %s', (_case, input, expected) => {
    expect(needsHubspotRead(toWorkflowLicenseRequest(input))).toBe(expected);
  });

  it.each([
    ['an object type the action is not for', body({ objectType: 'TICKET' }), 'object.objectType'],
    ['no product', body({ inputFields: { product: '' } }), 'inputFields.product'],
    [
      'a quantity that is no whole number',
      body({ inputFields: { quantity: '2.5' } }),
      'inputFields.quantity',
    ],
    ['a quantity above 1000', body({ inputFields: { quantity: 1001 } }), 'inputFields.quantity'],
  ])('refuses %s', (_case, input, field) => {
    const err = (() => {
      try {
        toWorkflowLicenseRequest(input);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(InvalidInputError);
    expect(Object.keys((err as InvalidInputError).fields)).toEqual([field]);
  });
});
