import type { DeliveryTemplateParts } from './delivery-view';

/** Used when neither the product nor the workspace has a template of its own. */
export const DEFAULT_DELIVERY_TEMPLATE: DeliveryTemplateParts = {
  subject: 'Your {{workspace_name}} licenses',
  text: `Hello {{customer_name}},

{{#licenses}}
{{product_name}} ({{license_type}})
{{#license_key}}  License key: {{license_key}}
{{/license_key}}{{#valid_until}}  Valid until: {{valid_until}}
{{/valid_until}}{{#password_url}}  Set your password (the link works once, until {{password_link_expires}}):
  {{password_url}}
{{/password_url}}
{{/licenses}}
{{#customer_page_url}}
Your licenses and the machines using them: {{customer_page_url}}
(the link works until {{customer_page_expires}})
{{/customer_page_url}}

{{workspace_name}}
`,
  html: `<!doctype html>
<html><body style="font-family: sans-serif">
<p>Hello {{customer_name}},</p>
{{#licenses}}
<h3>{{product_name}} <small>({{license_type}})</small></h3>
<ul>
{{#license_key}}<li>License key: <code>{{license_key}}</code></li>{{/license_key}}
{{#valid_until}}<li>Valid until: {{valid_until}}</li>{{/valid_until}}
{{#password_url}}<li><a href="{{password_url}}">Set your password</a> (the link works once, until {{password_link_expires}})</li>{{/password_url}}
</ul>
{{/licenses}}
{{#customer_page_url}}
<p><a href="{{customer_page_url}}">Your licenses and the machines using them</a> (the link works until {{customer_page_expires}})</p>
{{/customer_page_url}}
<p>{{workspace_name}}</p>
</body></html>
`,
};
