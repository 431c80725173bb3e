import { convertToParamMap } from '@angular/router';
import { describe, expect, it } from 'vitest';
import { listUrlParams, readListUrl, type ListUrlState } from './list-url';

type Filters = { status: string[]; archived: boolean; minValue: number; owner: string };

const DEFAULTS: ListUrlState<Filters> = {
  q: '',
  page: 1,
  pageSize: 20,
  sort: { active: 'createdAt', direction: 'desc' },
  filters: { status: [], archived: false, minValue: 0, owner: '' },
};

const read = (params: Record<string, string>) => readListUrl(convertToParamMap(params), DEFAULTS);

describe('list state in the address bar', () => {
  it('a plain list keeps a plain URL', () => {
    expect(listUrlParams(DEFAULTS, DEFAULTS)).toEqual({});
  });

  it('reads each filter after the type of its default', () => {
    expect(
      read({ status: 'draft,sent', archived: 'true', minValue: '5000', owner: 'u1', q: 'sahel' }),
    ).toMatchObject({
      q: 'sahel',
      filters: { status: ['draft', 'sent'], archived: true, minValue: 5000, owner: 'u1' },
    });
  });

  it('a shared link gives back the same state (write then read)', () => {
    const state: ListUrlState<Filters> = {
      q: 'céramiques sahel',
      page: 3,
      pageSize: 50,
      sort: { active: 'number', direction: 'asc' },
      filters: { status: ['accepted'], archived: true, minValue: 100, owner: '' },
    };
    const params = listUrlParams(state, DEFAULTS);
    expect(params).toEqual({
      q: 'céramiques sahel',
      page: '3',
      pageSize: '50',
      sort: 'number:asc',
      status: 'accepted',
      archived: 'true',
      minValue: '100',
    });
    expect(read(params as Record<string, string>)).toEqual(state);
  });

  it('anything unreadable falls back to the default instead of breaking the page', () => {
    expect(read({ page: '-2', pageSize: '1000', sort: 'number:sideways', minValue: 'lots' })).toEqual(
      DEFAULTS,
    );
    expect(read({ page: '2.5', pageSize: '7', sort: ':asc' })).toEqual(DEFAULTS);
  });

  it('an emptied list filter is written, so going back restores it', () => {
    const withStatus = { ...DEFAULTS, filters: { ...DEFAULTS.filters, status: ['sent'] } };
    expect(
      listUrlParams({ ...withStatus, filters: { ...withStatus.filters, status: [] } }, withStatus),
    ).toEqual({
      status: '',
    });
    expect(readListUrl(convertToParamMap({ status: '' }), withStatus).filters.status).toEqual([]);
  });

  it('blank search text stays out of the URL', () => {
    expect(listUrlParams({ ...DEFAULTS, q: '   ' }, DEFAULTS)).toEqual({});
  });
});
