import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type {
  Activity,
  Client,
  ExchangeRateRecord,
  Lead,
  Opportunity,
  PipelineSummary,
  ShippingLine,
  Vessel,
} from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnApi } from '../../test/support/services/processes.js';
import { seedTestDemo, type ProviderOf } from '../../test/support/demo.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../test/support/sales.js';
import { PRODUCTION_ENV } from '../../test/support/test-app.js';
import { loadConfig } from '../config/app-config.js';
import { exchangeRateSeedStep } from '../reference/exchange-rates/exchange-rates.demo.js';
import { EXCHANGE_RATES } from '../reference/exchange-rates/exchange-rates.reference.js';
import { VESSELS } from '../reference/carriers/carriers.reference.js';
import { vesselSeedStep } from '../reference/carriers/vessels.demo.js';
import { referenceServiceType } from '../reference/reference.module.js';
import { DemoSeeder, shouldAutoSeed } from './demo.module.js';
import { historySizes } from './history/history-plan.js';
import { demoId } from './seed.js';

type Page<T> = { items: T[]; total: number };

describe.each(DATABASES)('seedDemo on %s', (target) => {
  let sales: SalesApi;
  beforeAll(async () => {
    sales = await startSalesApi(target);
  });
  afterAll(() => sales?.close());

  it('gives each commercial clients, leads in several statuses, opportunities in every stage, overdue activities', async () => {
    const result = await seedTestDemo(sales);
    expect(result).toEqual({
      seeded: true,
      counts: { clients: 6, leads: 9, opportunities: 14, activities: 12 },
    });

    for (const who of ['commercial1', 'commercial2'] as const) {
      const as = sales.as[who];
      const leads = (await as.get<Page<Lead>>('/api/leads?pageSize=100')).body.items;
      expect(new Set(leads.map((l) => l.status)).size).toBeGreaterThanOrEqual(4);
      expect(leads.every((l) => l.assignedTo.includes(as.sub))).toBe(true);
      const clients = (await as.get<Page<Client>>('/api/clients')).body;
      expect(clients.total).toBe(3);
      const pipeline = (await as.get<PipelineSummary>('/api/opportunities/pipeline')).body;
      expect(pipeline.stages.every((s) => s.count > 0)).toBe(true);
      const overdue = (await as.get<Page<Activity>>('/api/activities?overdue=true')).body;
      expect(overdue.total).toBe(2);
      const contacts = await as.get<Page<{ isPrimary: boolean }>>(
        `/api/clients/${clients.items[0]?.id}/contacts`,
      );
      expect(contacts.body.items).toEqual([expect.objectContaining({ isPrimary: true })]);
    }
    // Deterministic ids: the same key always names the same record.
    const won = await sales.as.commercial1.get<Opportunity>(
      `/api/opportunities/${demoId('commercial1', 'opportunity', 'sotupa-won')}`,
    );
    expect(won.body).toMatchObject({ stage: 'closed_won', closeReason: expect.any(String) });
    expect(await seedTestDemo(sales)).toMatchObject({ seeded: false });
    expect((await sales.as.admin.get<Page<Lead>>('/api/leads')).body.total).toBe(9);
  });

  it('adds dated EUR and USD rates once, through the audited reference path, keeping a typed one', async () => {
    const fresh = await startSalesApi(target);
    try {
      const now = new Date('2026-12-07T09:00:00Z');
      // An admin typed October's EUR rate before running the demo: it stays as typed.
      const typed = { currency: 'EUR', date: '2026-10-01', rate: '3.5' };
      expect((await fresh.as.admin.post('/api/exchange-rates', typed)).status).toBe(201);
      const steps = (get: ProviderOf) => [exchangeRateSeedStep(get(referenceServiceType(EXCHANGE_RATES)))];
      const result = await seedTestDemo(fresh, { now, steps });
      expect(result.counts.exchangeRates).toBe(2 * 13 - 1);
      const rates = await fresh.as.commercial1.get<Page<ExchangeRateRecord>>(
        '/api/exchange-rates?pageSize=100&sort=date:asc&currency=EUR',
      );
      expect(rates.body.items.map((r) => r.date)).toHaveLength(13);
      expect(rates.body.items[0]).toMatchObject({ date: '2025-12-01', rate: '3.312000', source: 'manual' });
      expect(rates.body.items.find((r) => r.date === '2026-10-01')?.rate).toBe('3.500000');
      expect(rates.body.items.at(-1)).toMatchObject({ date: '2026-12-01', rate: '3.390000' });
      const usd = await fresh.as.commercial1.get<ExchangeRateRecord>(
        '/api/exchange-rates/rate-of?currency=USD&date=2026-12-07',
      );
      expect(usd.body).toMatchObject({ date: '2026-12-01', rate: '2.957000' });
      // Written as the system, like every other seed write.
      const audit = await fresh.as.admin.get<Page<{ actor: string; action: string }>>(
        '/api/admin/audit?entity=exchange_rate&actor=system&pageSize=100',
      );
      expect(audit.body.total).toBe(2 * 13 - 1);
      expect(await seedTestDemo(fresh, { now, steps })).toMatchObject({ seeded: false });
      const again = await fresh.as.commercial1.get<Page<ExchangeRateRecord>>(
        '/api/exchange-rates?pageSize=100',
      );
      expect(again.body.total).toBe(2 * 13);
    } finally {
      await fresh.close();
    }
  });

  it('lists a few vessels once, with their shipping line, keeping one an admin listed first', async () => {
    const fresh = await startSalesApi(target);
    try {
      const typed = { name: 'Tanger (typed)', imo: '9074729' };
      expect((await fresh.as.admin.post('/api/vessels', typed)).status).toBe(201);
      const steps = (get: ProviderOf) => [vesselSeedStep(get(referenceServiceType(VESSELS)))];
      expect((await seedTestDemo(fresh, { steps })).counts.vessels).toBe(4);
      const listed = await fresh.as.ops1.get<Page<Vessel>>('/api/vessels?pageSize=20');
      // Sorted here: PGlite and PostgreSQL may collate "MSC" and "Maersk" differently.
      expect(listed.body.items.map((v) => v.name).sort()).toEqual([
        'CMA CGM Bizerte',
        'Hapag Djerba Express',
        'MSC Carthage',
        'Maersk Kerkennah',
        'Tanger (typed)',
      ]);
      const lines = await fresh.as.ops1.get<Page<ShippingLine>>('/api/shipping-lines?q=CMA&pageSize=5');
      const bizerte = listed.body.items.find((v) => v.imo === '9354129');
      expect(bizerte?.shippingLineId).toBe(lines.body.items.find((l) => l.scac === 'CMDU')?.id);
      expect(await seedTestDemo(fresh, { steps })).toMatchObject({ seeded: false });
    } finally {
      await fresh.close();
    }
  });
});

describe('demo seeding at start-up and on demand', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'velosi-demo-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds only an embedded database kept on disk, never in production', () => {
    expect(shouldAutoSeed(loadConfig({ PGLITE_DATA_DIR: dataDir }))).toBe(true);
    expect(shouldAutoSeed(loadConfig({ PGLITE_DATA_DIR: 'memory://' }))).toBe(false);
    expect(shouldAutoSeed(loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1/x' }))).toBe(false);
    const production = {
      ...PRODUCTION_ENV,
      OIDC_ISSUER_URL: inject('identityIssuer'),
      PGLITE_DATA_DIR: dataDir,
    };
    expect(shouldAutoSeed(loadConfig(production))).toBe(false);
  });

  it('seeds an empty embedded database on the first start, resolving the subs through the IdP', async () => {
    const sales = await startSalesApi('pglite', { PGLITE_DATA_DIR: path.join(dataDir, 'auto') });
    try {
      const leads = await sales.as.commercial1.get<Page<Lead>>('/api/leads');
      // The portfolio's leads plus the year of history (history/history-plan.ts).
      expect(leads.body.total).toBe(5 + historySizes(0).leads);
      expect(leads.body.items.every((l) => l.assignedTo.includes(sales.as.commercial1.sub))).toBe(true);
      expect((await sales.as.commercial2.get<Page<Lead>>('/api/leads')).body.total).toBe(
        4 + historySizes(1).leads,
      );
      expect(await sales.api.app.get(DemoSeeder).seed()).toMatchObject({ seeded: false });
    } finally {
      await sales.close();
    }
  });

  it('`npm run seed:demo` seeds once, then reports the demo is there; refuses production', async () => {
    const env = { PGLITE_DATA_DIR: path.join(dataDir, 'cli'), OIDC_ISSUER_URL: inject('identityIssuer') };
    const first = spawnApi(env, 'dist/demo/seed-demo.js');
    expect(await first.exited).toBe(0);
    expect(first.stdout.join('\n')).toContain(
      'Demo data seeded: 33 clients, 93 leads, 60 opportunities, 86 activities, 26 exchangeRates, 5 vessels, 189 quotes, 7 jobs, 2 supplierInvoices, 4 targets, 12 invoices, 4 payments.',
    );
    const second = spawnApi(env, 'dist/demo/seed-demo.js');
    expect(await second.exited).toBe(0);
    expect(second.stdout.join('\n')).toContain('Demo data already present');
    const production = spawnApi({ ...env, ...PRODUCTION_ENV }, 'dist/demo/seed-demo.js');
    expect(await production.exited).toBe(1);
    expect(production.stderr.join('')).toContain('never seeded in production');
  }, 240_000);
});
