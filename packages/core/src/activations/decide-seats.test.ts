import { describe, expect, it } from 'vitest';
import { decideActivation, decideConsumption, decideFloatingBorrow } from './decide-seats';
import { toEffectiveTerms } from './effective-terms';

describe('decideActivation', () => {
  it.each([
    [
      'a new machine under the limit gets a seat',
      { alreadyActive: false, liveActivations: 1, maxActivations: 2 },
      null,
    ],
    [
      'a new machine at the limit is refused',
      { alreadyActive: false, liveActivations: 2, maxActivations: 2 },
      'activations_exhausted',
    ],
    [
      'a machine already active keeps its seat at the limit',
      { alreadyActive: true, liveActivations: 2, maxActivations: 2 },
      null,
    ],
  ])('%s', (_rule, input, reason) => {
    expect(decideActivation(input)?.reason ?? null).toBe(reason);
  });
});

describe('decideFloatingBorrow', () => {
  it.each([
    ['a free seat is lent', { floatingCloud: 2, seatsHeldByOthers: 1 }, null],
    ['all seats held by others: full', { floatingCloud: 2, seatsHeldByOthers: 2 }, 'floating_seats_full'],
    ['a license that is not floating', { floatingCloud: null, seatsHeldByOthers: 0 }, 'not_floating'],
  ])('%s', (_rule, input, reason) => {
    expect(decideFloatingBorrow(input)?.reason ?? null).toBe(reason);
  });
});

describe('decideConsumption', () => {
  const base = {
    isConsumption: true,
    total: 8,
    amount: 2,
    maxConsumptions: 10,
    allowOverages: false,
    maxOverages: null,
  };
  it.each([
    ['up to the limit is fine', base, { ok: true, total: 10, overage: 0 }],
    ['past the limit without overages is refused', { ...base, amount: 3 }, 'consumption_exceeded'],
    [
      'overages go past the limit up to max_overages',
      { ...base, amount: 5, allowOverages: true, maxOverages: 3 },
      { ok: true, total: 13, overage: 3 },
    ],
    ['and not beyond', { ...base, amount: 6, allowOverages: true, maxOverages: 3 }, 'consumption_exceeded'],
    [
      'overages without max_overages have no ceiling',
      { ...base, amount: 1000, allowOverages: true },
      { ok: true, total: 1008, overage: 998 },
    ],
    [
      'no max_consumptions: unlimited',
      { ...base, maxConsumptions: null, amount: 10 ** 6 },
      { ok: true, total: 10 ** 6 + 8, overage: 0 },
    ],
    ['a license of another type is refused', { ...base, isConsumption: false }, 'not_consumption'],
  ])('%s', (_rule, input, expected) => {
    const decision = decideConsumption(input);
    expect(decision.ok ? decision : decision.refusal.reason).toEqual(expected);
  });
});

describe('toEffectiveTerms', () => {
  const none = {
    floatingTimeoutMinutes: null,
    maxConsumptions: null,
    allowOverages: null,
    maxOverages: null,
  };
  const policy = { floatingTimeoutMinutes: 10, maxConsumptions: 100, allowOverages: true, maxOverages: 5 };
  it.each([
    [
      "the license's own terms win",
      { ...none, floatingTimeoutMinutes: 3, allowOverages: false },
      policy,
      { floatingTimeoutMinutes: 3, maxConsumptions: 100, allowOverages: false, maxOverages: 5 },
    ],
    ["else the policy's", none, policy, policy],
    [
      'else the defaults',
      none,
      null,
      { floatingTimeoutMinutes: 30, maxConsumptions: null, allowOverages: false, maxOverages: null },
    ],
  ])('%s', (_rule, license, pol, expected) => {
    expect(toEffectiveTerms(license, pol)).toEqual(expected);
  });
});
