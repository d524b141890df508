import { describe, expect, it } from 'vitest';
import { DEFAULT_DELIVERY_TEMPLATE } from './default-delivery-template';
import type { DeliveryView, DeliveryViewLicense } from './delivery-view';
import { checkDeliveryTemplate, renderDeliveryEmail } from './render-delivery-email';

const keyLicense: DeliveryViewLicense = {
  product_name: 'Pro <Edition>',
  product_code: 'pro',
  license_type: 'perpetual',
  license_key: 'AAAA-BBBB-CCCC-DDDD',
  valid_until: '',
  is_user_license: false,
  password_url: '',
  password_link_expires: '',
};
const userLicense: DeliveryViewLicense = {
  ...keyLicense,
  product_name: 'Team',
  product_code: 'team',
  license_type: 'subscription',
  license_key: '',
  valid_until: '2027-01-01',
  is_user_license: true,
  password_url: 'https://lic.example/customer/v1/password?token=abc&x=1',
  password_link_expires: '2026-12-04',
};
const view = (over: Partial<DeliveryView> = {}): DeliveryView => ({
  workspace_name: 'Acme',
  customer_name: 'Ann "A" <Smith>',
  customer_email: 'ann@example.com',
  recipient: 'ann@example.com',
  licenses: [keyLicense],
  customer_page_url: 'https://lic.example/customer/v1/page?token=t.s',
  customer_page_expires: '2026-12-08',
  ...over,
});

describe('renderDeliveryEmail', () => {
  it('puts the key in both parts and the page link in both', () => {
    const mail = renderDeliveryEmail(DEFAULT_DELIVERY_TEMPLATE, view());
    expect(mail.subject).toBe('Your Acme licenses');
    expect(mail.text).toContain('License key: AAAA-BBBB-CCCC-DDDD');
    expect(mail.html).toContain('<code>AAAA-BBBB-CCCC-DDDD</code>');
    expect(mail.text).toContain('https://lic.example/customer/v1/page?token=t.s');
  });

  it('escapes names in the HTML part and leaves the text part as written', () => {
    const mail = renderDeliveryEmail(DEFAULT_DELIVERY_TEMPLATE, view());
    expect(mail.html).toContain('Ann &quot;A&quot; &lt;Smith&gt;');
    expect(mail.html).toContain('Pro &lt;Edition&gt;');
    expect(mail.html).not.toContain('<Smith>');
    expect(mail.text).toContain('Hello Ann "A" <Smith>,');
  });

  it('a user license carries the password link instead of a key', () => {
    const mail = renderDeliveryEmail(DEFAULT_DELIVERY_TEMPLATE, view({ licenses: [userLicense] }));
    expect(mail.text).not.toContain('License key');
    expect(mail.text).toContain('https://lic.example/customer/v1/password?token=abc&x=1');
    expect(mail.html).toContain(
      'href="https:&#x2F;&#x2F;lic.example&#x2F;customer&#x2F;v1&#x2F;password?token&#x3D;abc&amp;x&#x3D;1"',
    );
    expect(mail.text).toContain('Valid until: 2027-01-01');
  });

  it("a license user's invitation has no customer page", () => {
    const mail = renderDeliveryEmail(
      DEFAULT_DELIVERY_TEMPLATE,
      view({ customer_page_url: '', licenses: [userLicense] }),
    );
    expect(mail.text).not.toContain('Your licenses and the machines');
  });

  it('keeps the subject on one line whatever the names hold', () => {
    const mail = renderDeliveryEmail(
      { subject: 'Keys for {{customer_name}}', text: '', html: '' },
      view({ customer_name: 'a\r\nBcc: x@y' }),
    );
    expect(mail.subject).toBe('Keys for a Bcc: x@y');
  });

  it('renders a vendor template with the same view', () => {
    const mail = renderDeliveryEmail(
      {
        subject: '{{#licenses}}{{product_code}} {{/licenses}}',
        text: '{{recipient}}',
        html: '<b>{{recipient}}</b>',
      },
      view({ licenses: [keyLicense, userLicense] }),
    );
    expect(mail).toEqual({ subject: 'pro team', text: 'ann@example.com', html: '<b>ann@example.com</b>' });
  });
});

describe('checkDeliveryTemplate', () => {
  it.each([
    ['an unclosed section', { subject: 's', text: '{{#licenses}}', html: 'h' }, 'text'],
    ['a partial', { subject: 's', text: 't', html: '{{#licenses}}{{> evil}}{{/licenses}}' }, 'html'],
    ['a wrong closing tag', { subject: '{{#a}}{{/b}}', text: 't', html: 'h' }, 'subject'],
  ])('refuses %s, naming the part', (_rule, template, field) => {
    expect(() => checkDeliveryTemplate(template)).toThrow(expect.objectContaining({ field }));
  });

  it('accepts the default template', () => {
    expect(() => checkDeliveryTemplate(DEFAULT_DELIVERY_TEMPLATE)).not.toThrow();
  });
});
