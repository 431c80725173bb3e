import { describe, expect, it } from 'vitest';
import { isFiltered } from './list-url';

type Filters = { status: string[]; archived: string; overdue: boolean; owner: string };

const INITIAL: Filters = { status: ['scheduled'], archived: 'false', overdue: false, owner: '' };

describe('isFiltered: what "clear filters" and the "nothing matches" state go by', () => {
  it('the initial filters and no search do not narrow the list', () => {
    expect(isFiltered('', INITIAL, INITIAL)).toBe(false);
    expect(isFiltered('   ', { ...INITIAL, status: ['scheduled'] }, INITIAL)).toBe(false);
  });

  it('a search narrows it', () => {
    expect(isFiltered('acme', INITIAL, INITIAL)).toBe(true);
  });

  it('any filter away from its initial value narrows it, whatever its type', () => {
    expect(isFiltered('', { ...INITIAL, status: [] }, INITIAL)).toBe(true);
    expect(isFiltered('', { ...INITIAL, status: ['scheduled', 'done'] }, INITIAL)).toBe(true);
    expect(isFiltered('', { ...INITIAL, archived: 'all' }, INITIAL)).toBe(true);
    expect(isFiltered('', { ...INITIAL, overdue: true }, INITIAL)).toBe(true);
    expect(isFiltered('', { ...INITIAL, owner: 'u1' }, INITIAL)).toBe(true);
  });
});
