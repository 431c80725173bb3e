import { HttpErrorResponse } from '@angular/common/http';
import { PROBLEM_TYPES } from '@velosi/contracts';
import { describe, expect, it } from 'vitest';
import { conflictKind, isConflict, listParams, parsePage } from './record-api';

const answer = (status: number, body: unknown = null) => new HttpErrorResponse({ status, error: body });

describe('conflictKind: the 409s of the contract are told apart', () => {
  it('a stale version is "stale" and a conflict', () => {
    const error = answer(409, {
      type: PROBLEM_TYPES.conflict,
      title: 'Conflict',
      status: 409,
      currentVersion: 4,
    });
    expect(conflictKind(error)).toBe('stale');
    expect(isConflict(error)).toBe(true);
  });

  it('an action refused by the record state is "invalidState", not a conflict to reload', () => {
    const error = answer(409, { type: PROBLEM_TYPES.invalidState, title: 'Conflict', status: 409 });
    expect(conflictKind(error)).toBe('invalidState');
    expect(isConflict(error)).toBe(false);
  });

  it('a taken unique value is "duplicate", not a conflict to reload', () => {
    const error = answer(409, {
      type: PROBLEM_TYPES.duplicate,
      title: 'Conflict',
      status: 409,
      existingId: 'c1',
      field: 'fiscalId',
    });
    expect(conflictKind(error)).toBe('duplicate');
    expect(isConflict(error)).toBe(false);
  });

  it('a 409 without a problem body reads as stale (the safe reading: reload)', () => {
    expect(conflictKind(answer(409, 'proxy page'))).toBe('stale');
  });

  it.each([400, 403, 404, 422, 500, 0])('status %i is no 409 at all', (status) => {
    expect(conflictKind(answer(status, { type: PROBLEM_TYPES.conflict }))).toBeNull();
    expect(isConflict(answer(status))).toBe(false);
  });

  it('something else than an HTTP answer is no conflict', () => {
    expect(conflictKind(new Error('409'))).toBeNull();
  });
});

describe('parsePage', () => {
  it('keeps a well-formed page', () => {
    expect(parsePage({ items: [{ id: 'a' }], total: 1, page: 1, pageSize: 20 })).toEqual({
      items: [{ id: 'a' }],
      total: 1,
      page: 1,
      pageSize: 20,
    });
  });

  it('takes the item count when the page size is missing', () => {
    expect(parsePage({ items: [1, 2], total: 9, page: 2 }).pageSize).toBe(2);
  });

  it.each([null, [], { items: 'x', total: 1, page: 1 }, { items: [], page: 1 }, { items: [], total: 0 }])(
    'refuses %j',
    (raw) => {
      expect(() => parsePage(raw)).toThrow(TypeError);
    },
  );
});

describe('listParams', () => {
  it('leaves out empty values and joins lists', () => {
    const params = listParams({
      q: '',
      status: ['new', 'won'],
      none: [],
      owner: null,
      x: undefined,
      page: 2,
      f: false,
    });
    expect(params.keys()).toEqual(['status', 'page', 'f']);
    expect(params.get('status')).toBe('new,won');
    expect(params.get('page')).toBe('2');
    expect(params.get('f')).toBe('false');
  });
});
