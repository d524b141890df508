/**
 * What a delivery template can use. Names are snake_case so vendors' templates read like the
 * admin API; every value is a string or a list, so a template cannot call anything.
 */
export interface DeliveryView {
  workspace_name: string;
  customer_name: string;
  customer_email: string;
  /** Whom this mail goes to: the customer, or a license user invited to set a password. */
  recipient: string;
  licenses: DeliveryViewLicense[];
  /** Empty for a license user's invitation: the page is the customer's. */
  customer_page_url: string;
  /** ISO date the customer page link stops working; empty with the link. */
  customer_page_expires: string;
}

export interface DeliveryViewLicense {
  product_name: string;
  product_code: string;
  license_type: string;
  /** Empty for a user license (its users sign in with email and password). */
  license_key: string;
  /** ISO date, or empty for a perpetual license. */
  valid_until: string;
  is_user_license: boolean;
  /** The recipient's one-time link to set their password; empty unless they are its user. */
  password_url: string;
  password_link_expires: string;
}

/** Subject and both parts: every mail carries a plain-text part. */
export interface DeliveryTemplateParts {
  subject: string;
  text: string;
  html: string;
}
