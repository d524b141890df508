import { type Route, route } from '../http/route';

/** `GET /account-info/v3/details`: which portal a token belongs to (spec `PortalInformationResponse`). */
export const accountInfoRoutes: Route[] = [
  route('GET', '/account-info/v3/details', ({ portal }) => ({
    status: 200,
    body: {
      portalId: portal.portalId,
      accountType: 'STANDARD',
      timeZone: 'Etc/UTC',
      companyCurrency: 'EUR',
      additionalCurrencies: [],
      utcOffset: '+00:00',
      utcOffsetMilliseconds: 0,
      uiDomain: 'app.hubspot.com',
      dataHostingLocation: 'na1',
    },
  })),
];
