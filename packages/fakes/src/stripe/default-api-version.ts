/** The version stripe@20.3.1 pins; objects are rendered in this (basil+ "clover") shape. */
export const DEFAULT_STRIPE_API_VERSION = '2026-01-28.clover';
