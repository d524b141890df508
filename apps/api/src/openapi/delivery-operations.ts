import { z } from 'zod';
import {
  deliveryJson,
  deliveryListQuery,
  deliveryTemplateBody,
  resendDeliveryBody,
} from '../routes/admin/delivery-bodies';
import type { AdminOperation } from './admin-operation';

const list = z.object({ data: z.array(deliveryJson) });
const template = deliveryTemplateBody.extend({ source: z.enum(['product', 'workspace', 'default']) });
const exampleTemplate = {
  subject: 'Your {{workspace_name}} keys',
  text: 'Hello {{customer_name}}\n{{#licenses}}{{product_name}}: {{license_key}}\n{{/licenses}}{{customer_page_url}}',
  html: '<p>Hello {{customer_name}}</p>{{#licenses}}<p>{{product_name}}: <code>{{license_key}}</code></p>{{/licenses}}',
};

const templateOps = (path: string, whose: string): AdminOperation[] => [
  {
    method: 'get',
    path,
    tag: 'deliveries',
    summary: `The delivery mail template in effect for ${whose} (stored, inherited or built-in)`,
    response: template,
    errors: [404],
  },
  {
    method: 'put',
    path,
    tag: 'deliveries',
    summary: `Store ${whose}'s delivery mail template (mustache; HTML part escaped)`,
    body: deliveryTemplateBody,
    response: template,
    errors: [404, 422],
    example: { request: exampleTemplate },
  },
  {
    method: 'delete',
    path,
    tag: 'deliveries',
    summary: `Remove ${whose}'s stored template; the next in line applies`,
    response: template.extend({ deleted: z.literal(true) }),
    errors: [404],
  },
];

/** License delivery mails: log, resend, templates. */
export const DELIVERY_OPERATIONS: AdminOperation[] = [
  {
    method: 'get',
    path: '/deliveries',
    tag: 'deliveries',
    summary: 'Delivery mails, newest first (one license or customer with the query)',
    query: deliveryListQuery,
    response: list,
  },
  {
    method: 'post',
    path: '/deliveries',
    tag: 'deliveries',
    summary: "Resend licenses' delivery mail; 422 when the workspace turned delivery off",
    body: resendDeliveryBody,
    status: 202,
    response: list,
    errors: [404, 422],
    example: { request: { license_ids: ['0b6c3c1e-58f4-4a8e-9a38-2f1d0c6e7a11'] } },
  },
  ...templateOps('/delivery_template', 'the workspace'),
  ...templateOps('/products/{short_code}/delivery_template', 'a product'),
];
