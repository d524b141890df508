// Written by `pnpm hubspot-app:configure --public-url <url>`; do not edit by hand.
export const BACKEND_URL = 'https://licensync.example.com';
