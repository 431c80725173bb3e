import { HttpClient, HttpParams } from '@angular/common/http';
import { firstValueFrom, of } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { fetchPage } from './list-page-state';

/** Records the one GET a page fetch makes and answers `body` (the HTTP layer, not the code under test). */
function recordingHttp(body: unknown) {
  const calls: { url: string; params: HttpParams }[] = [];
  const http = {
    get: (url: string, options: { params: HttpParams }) => {
      calls.push({ url, params: options.params });
      return of(body);
    },
  } as unknown as HttpClient;
  return { http, calls };
}

const PAGE = { items: [{ id: 'l1' }], total: 1, page: 2, pageSize: 20 };

describe('fetchPage: the one request every typed client list makes', () => {
  it('sends page, size, search, order and filters, leaving empty ones out', async () => {
    const { http, calls } = recordingHttp(PAGE);
    const page = await firstValueFrom(
      fetchPage(http, '/api/leads', {
        page: 2,
        pageSize: 20,
        q: 'acme',
        sort: 'createdAt:desc',
        filters: { status: ['new', 'qualified'], archived: 'false', owner: '' },
      }),
    );
    expect(page).toEqual(PAGE);
    expect(calls).toHaveLength(1);
    const [{ url, params }] = calls as [{ url: string; params: HttpParams }];
    expect(url).toBe('/api/leads');
    expect(Object.fromEntries(params.keys().map((k) => [k, params.get(k)]))).toEqual({
      page: '2',
      pageSize: '20',
      q: 'acme',
      sort: 'createdAt:desc',
      status: 'new,qualified',
      archived: 'false',
    });
  });

  it('sends no sort nor search when there is none', async () => {
    const { http, calls } = recordingHttp(PAGE);
    await firstValueFrom(
      fetchPage(http, '/api/jobs', { page: 1, pageSize: 50, q: '', sort: null, filters: {} }),
    );
    expect(calls[0]?.params.keys()).toEqual(['page', 'pageSize']);
  });

  it('refuses a body that is not a page', async () => {
    const { http } = recordingHttp({ rows: [] });
    await expect(
      firstValueFrom(
        fetchPage(http, '/api/quotes', { page: 1, pageSize: 20, q: '', sort: null, filters: {} }),
      ),
    ).rejects.toThrow(TypeError);
  });

  it('uses the parse function given (a resource with its own page shape)', async () => {
    const { http } = recordingHttp(PAGE);
    const parsed = await firstValueFrom(
      fetchPage(http, '/api/admin/users', { page: 1, pageSize: 20, q: '', sort: null, filters: {} }, () => ({
        items: ['parsed'],
        total: 1,
        page: 1,
        pageSize: 20,
      })),
    );
    expect(parsed.items).toEqual(['parsed']);
  });
});
