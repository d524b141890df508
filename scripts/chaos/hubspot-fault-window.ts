import type { FakeHubspot } from '@licensync/fakes/hubspot';

/**
 * A pattern the fake's fault injector tests each request against: it matches while the window is
 * open, with probability `share`, and never after. The fake's faults are counted, not timed; this
 * turns a fault into "for this long".
 */
class WindowPattern extends RegExp {
  constructor(
    private readonly endsAt: number,
    private readonly share: number,
    private readonly random: () => number,
  ) {
    super('');
  }
  override test(): boolean {
    return Date.now() < this.endsAt && this.random() < this.share;
  }
}

/**
 * For `ms` from now, the fake HubSpot answers about a quarter of requests with a 429 and nearly all the
 * rest with a 500, 502 or 503, some after the write landed (the client never hears it succeeded).
 */
export function openHubspotFaultWindow(hubspot: FakeHubspot, ms: number, random: () => number): void {
  const endsAt = Date.now() + ms;
  const forever = 1e9;
  const during = (share: number) => new WindowPattern(endsAt, share, random);
  hubspot.force429(forever, { path: during(0.25) });
  hubspot.failNext(forever, { status: 503, path: during(0.4) });
  hubspot.failNext(forever, { status: 500, path: during(0.5) });
  hubspot.failNext(forever, { status: 502, path: during(0.9) });
  hubspot.failNext(forever, { status: 502, path: during(0.3), afterWrite: true });
}
