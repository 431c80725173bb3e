import { describe, expect, it } from 'vitest';
import { milestoneClash } from './milestone-order.js';

const at = (day: number, hour = 12) => `2026-12-0${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const recorded = [
  { kind: 'booked' as const, occurredAt: at(1, 9) },
  { kind: 'cargo_received' as const, occurredAt: at(3, 14) },
];

describe('milestone order', () => {
  it('takes the next step dated after the previous ones, or at the same instant', () => {
    expect(milestoneClash({ kind: 'departed', occurredAt: at(4) }, recorded)).toBeNull();
    expect(milestoneClash({ kind: 'departed', occurredAt: at(3, 14) }, recorded)).toBeNull();
  });

  it('names the step a date comes before or after', () => {
    // The tester's departure on the 2nd, before the cargo was received on the 3rd.
    expect(milestoneClash({ kind: 'departed', occurredAt: at(2, 18) }, recorded)).toEqual({
      reason: 'before',
      kind: 'cargo_received',
      occurredAt: at(3, 14),
    });
    // Of the steps it would precede, the latest is named: the departure, not the booking.
    const shipped = [...recorded, { kind: 'departed' as const, occurredAt: at(6) }];
    expect(milestoneClash({ kind: 'arrived', occurredAt: at(1, 8) }, shipped)).toMatchObject({
      reason: 'before',
      kind: 'departed',
    });
    // A booking typed late, dated after the cargo it preceded.
    expect(
      milestoneClash({ kind: 'booked', occurredAt: at(5) }, [{ kind: 'cargo_received', occurredAt: at(3) }]),
    ).toMatchObject({ reason: 'after', kind: 'cargo_received' });
  });

  it('records each step once', () => {
    expect(milestoneClash({ kind: 'booked', occurredAt: at(2) }, recorded)).toMatchObject({
      reason: 'twice',
      kind: 'booked',
    });
  });

  it('lets customs clearance fall before a departure (export) or after an arrival (import), not outside booking and delivery', () => {
    const shipped = [
      ...recorded,
      { kind: 'departed' as const, occurredAt: at(4) },
      { kind: 'arrived' as const, occurredAt: at(6) },
    ];
    expect(milestoneClash({ kind: 'customs_cleared', occurredAt: at(3, 16) }, shipped)).toBeNull();
    expect(milestoneClash({ kind: 'customs_cleared', occurredAt: at(7) }, shipped)).toBeNull();
    expect(milestoneClash({ kind: 'customs_cleared', occurredAt: at(1, 8) }, shipped)).toMatchObject({
      reason: 'before',
      kind: 'booked',
    });
    expect(
      milestoneClash({ kind: 'delivered', occurredAt: at(6) }, [
        { kind: 'customs_cleared', occurredAt: at(7) },
      ]),
    ).toMatchObject({ reason: 'before', kind: 'customs_cleared' });
  });
});
