import type { LicenseRefusal } from './license-refusal';

/**
 * Whether a machine may take an activation. A machine already active keeps its seat (activating
 * again is the same activation), so only a new machine counts against `max_activations`. Pure.
 */
export function decideActivation(input: {
  alreadyActive: boolean;
  liveActivations: number;
  maxActivations: number;
}): LicenseRefusal | null {
  if (input.alreadyActive || input.liveActivations < input.maxActivations) return null;
  return {
    reason: 'activations_exhausted',
    message: `all ${input.maxActivations} activations are in use; deactivate a machine first`,
    detail: { max_activations: input.maxActivations, activations_in_use: input.liveActivations },
  };
}

/**
 * Whether a machine may lease a floating seat: `seatsHeldByOthers` counts live leases of other
 * machines only, so a machine renewing its own lease never competes with itself. Pure.
 */
export function decideFloatingBorrow(input: {
  floatingCloud: number | null;
  seatsHeldByOthers: number;
}): LicenseRefusal | null {
  if (input.floatingCloud === null) {
    return { reason: 'not_floating', message: 'this license is not a floating license' };
  }
  if (input.seatsHeldByOthers < input.floatingCloud) return null;
  return {
    reason: 'floating_seats_full',
    message: `all ${input.floatingCloud} floating seats are in use; try again when one is released`,
    detail: { floating_cloud: input.floatingCloud, floating_in_use: input.seatsHeldByOthers },
  };
}

export type ConsumptionDecision =
  | { ok: true; total: number; overage: number }
  | { ok: false; refusal: LicenseRefusal };

/**
 * The new total after consuming `amount`, or why not. Without a limit anything goes; with one, the
 * total may pass it only when overages are allowed, and then by at most `maxOverages` (no bound
 * when null). Pure.
 */
export function decideConsumption(input: {
  isConsumption: boolean;
  total: number;
  amount: number;
  maxConsumptions: number | null;
  allowOverages: boolean;
  maxOverages: number | null;
}): ConsumptionDecision {
  if (!input.isConsumption) {
    return {
      ok: false,
      refusal: { reason: 'not_consumption', message: 'this license is not a consumption license' },
    };
  }
  const total = input.total + input.amount;
  const max = input.maxConsumptions;
  if (max === null || total <= max) return { ok: true, total, overage: 0 };
  const ceiling = input.allowOverages
    ? input.maxOverages === null
      ? Number.POSITIVE_INFINITY
      : max + input.maxOverages
    : max;
  if (total <= ceiling) return { ok: true, total, overage: total - max };
  return {
    ok: false,
    refusal: {
      reason: 'consumption_exceeded',
      message: `consuming ${input.amount} would bring the total to ${total}, beyond the allowed ${ceiling}`,
      detail: {
        total: input.total,
        max_consumptions: max,
        allow_overages: input.allowOverages,
        max_overages: input.maxOverages,
      },
    },
  };
}
