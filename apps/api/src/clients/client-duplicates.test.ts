import {
  ClientDuplicatesSchema,
  DuplicateProblemSchema,
  PROBLEM_TYPES,
  type Client,
  type ClientDuplicates,
} from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../test/support/records/quotes.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../test/support/sales.js';

describe.each(DATABASES)('duplicate clients on %s', (target) => {
  let sales: SalesApi;
  let sahel: Client;

  beforeAll(async () => {
    sales = await startSalesApi(target);
    sahel = await createClient(sales.as.commercial1, 'Céramiques du Sahel SARL', {
      fiscalId: '1234567A/A/M/000',
    });
  });
  afterAll(() => sales?.close());

  const expectDuplicate = (res: { status: number; body: unknown }, existingId: string) => {
    expect(res.status).toBe(409);
    expect(DuplicateProblemSchema.parse(res.body)).toMatchObject({
      type: PROBLEM_TYPES.duplicate,
      existingId,
      field: 'fiscalId',
    });
  };

  it('refuses a second live client with the same tax id, however it is typed, even for another commercial', async () => {
    expectDuplicate(
      await sales.as.commercial1.post('/api/clients', { name: 'Autre', fiscalId: '1234567a a m 000' }),
      sahel.id,
    );
    // commercial2 cannot open it (404) but is told it exists, with its id for a colleague or admin.
    expectDuplicate(
      await sales.as.commercial2.post('/api/clients', { name: 'Autre', fiscalId: '1234567A-A-M-000' }),
      sahel.id,
    );
  });

  it('refuses an edit that takes another client’s tax id, and lets a client keep its own', async () => {
    const other = await createClient(sales.as.commercial1, 'Sotupa Industries', {
      fiscalId: '7654321B/B/M/000',
    });
    expectDuplicate(
      await sales.as.commercial1.patch(`/api/clients/${other.id}`, {
        version: 1,
        fiscalId: '1234567A/A/M/000',
      }),
      sahel.id,
    );
    const own = await sales.as.commercial1.patch<Client>(`/api/clients/${sahel.id}`, {
      version: sahel.version,
      fiscalId: '1234567a/a/m/000',
      city: 'Sousse',
    });
    expect(own.status).toBe(200);
    sahel = own.body;
  });

  it('frees the tax id when the holder is archived; restoring the old holder then answers 409', async () => {
    const archived = await sales.as.commercial1.post<Client>(`/api/clients/${sahel.id}/archive`, {
      version: sahel.version,
    });
    expect(archived.status).toBe(200);
    const successor = await createClient(sales.as.commercial1, 'Céramiques du Sahel', {
      fiscalId: '1234567A/A/M/000',
    });
    expectDuplicate(
      await sales.as.commercial1.post(`/api/clients/${sahel.id}/restore`, { version: archived.body.version }),
      successor.id,
    );
  });

  it('lists look-alikes by tax id or by name (accents, case, punctuation, legal form ignored)', async () => {
    const byName = await sales.as.commercial1.get<ClientDuplicates>(
      `/api/clients/duplicates?name=${encodeURIComponent('CERAMIQUES DU SAHEL S.A.R.L.')}`,
    );
    expect(byName.status).toBe(200);
    expect(ClientDuplicatesSchema.parse(byName.body).items).toEqual([
      expect.objectContaining({ name: 'Céramiques du Sahel', match: 'name', accessible: true }),
    ]);
    const byTaxId = await sales.as.commercial2.get<ClientDuplicates>(
      '/api/clients/duplicates?name=Nouveau&fiscalId=1234567AAM000',
    );
    expect(byTaxId.body.items).toEqual([
      expect.objectContaining({ name: 'Céramiques du Sahel', match: 'fiscalId', accessible: false }),
    ]);
    const self = byName.body.items[0]?.id ?? '';
    const excluded = await sales.as.commercial1.get<ClientDuplicates>(
      `/api/clients/duplicates?name=Ceramiques%20du%20Sahel&excludeId=${self}`,
    );
    expect(excluded.body.items).toEqual([]);
    expect(
      (await sales.as.commercial1.get<ClientDuplicates>('/api/clients/duplicates?name=SARL')).body.items,
    ).toEqual([]);
  });
});
