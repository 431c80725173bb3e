import { OpportunitySchema, type Client, type Opportunity } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRows, tunisMinute } from '../../test/support/records/csv.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../test/support/sales.js';

describe.each(DATABASES)('opportunities CSV export on %s', (target) => {
  let sales: SalesApi;
  let client: Client;
  let open: Opportunity;
  let won: Opportunity;

  beforeAll(async () => {
    sales = await startSalesApi(target);
    client = (await sales.as.commercial1.post<Client>('/api/clients', { name: 'Export CSV Pipeline SA' }))
      .body;
    const create = async (body: Record<string, unknown>) => {
      const res = await sales.as.commercial1.post<Opportunity>('/api/opportunities', {
        clientId: client.id,
        ...body,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return OpportunitySchema.parse(res.body);
    };
    open = await create({
      title: 'Dattes vers Rotterdam',
      stage: 'needs_analysis',
      transportType: 'sea_lcl',
    });
    const toWin = await create({
      title: 'Pièces auto de Lyon',
      transportType: 'road_ftl',
      traffic: 'import',
    });
    const closed = await sales.as.commercial1.patch<Opportunity>(`/api/opportunities/${toWin.id}/stage`, {
      version: toWin.version,
      stage: 'closed_won',
      reason: 'Meilleur délai',
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    won = OpportunitySchema.parse(closed.body);
  });
  afterAll(() => sales?.close());

  // Headers and words of each export language (the SPA's pipeline words, csv-words.ts).
  it.each([
    {
      lang: 'fr',
      title: 'Titre',
      closedAt: 'Clôturée le',
      createdAt: 'Créée le',
      assignedTo: 'Assigné à',
      won: { Étape: 'Gagnée', Mode: 'Routier complet', Trafic: 'Import' },
      open: { Étape: 'Analyse des besoins', Mode: 'Maritime LCL', Trafic: '', 'Clôturée le': '' },
    },
    {
      lang: 'en',
      title: 'Title',
      closedAt: 'Closed at',
      createdAt: 'Created at',
      assignedTo: 'Assigned to',
      won: { Stage: 'Won', Mode: 'Road FTL', Traffic: 'Import' },
      open: { Stage: 'Needs analysis', Mode: 'Sea LCL', Traffic: '', 'Closed at': '' },
    },
  ])('writes stages, modes and traffic in words and instants in Tunis time ($lang)', async (t) => {
    const rows = await exportRows(
      sales.as.commercial1,
      `/api/opportunities/export.csv?clientId=${client.id}&lang=${t.lang}`,
    );
    const rowOf = (opportunity: Opportunity) => rows.find((row) => row[t.title] === opportunity.title);
    expect(rowOf(won)).toMatchObject({
      ...t.won,
      // A user id: an opportunity row carries no assignee names to export.
      [t.assignedTo]: sales.as.commercial1.sub,
      [t.closedAt]: tunisMinute(won.closedAt ?? ''),
      [t.createdAt]: tunisMinute(won.createdAt),
    });
    expect(rowOf(open)).toMatchObject(t.open);
  });
});
