import { skippedMilestones, type JobCharge, type JobMilestone } from '@velosi/contracts';
import { describe, expect, it } from 'vitest';
import fr from '../../../../../public/i18n/jobs/fr.json';
import en from '../../../../../public/i18n/jobs/en.json';

import { closeChecklist, closeDialogData } from './job-close-check';
import { formatMoney } from '../../../shared/sales/money';

type Json = { [key: string]: string | Json };
const words = (file: Json, key: string): string | undefined => {
  let node: string | Json | undefined = file;
  for (const part of key.split('.').slice(1)) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
};

const charge = (side: 'revenue' | 'cost', stage: 'planned' | 'actual') => ({ side, stage }) as JobCharge;
const milestone = (kind: JobMilestone['kind']) => ({ kind }) as JobMilestone;
const column = (revenueTnd: string, costTnd: string, marginTnd: string) => ({
  revenueTnd,
  costTnd,
  marginTnd,
});
const format = {
  tnd: (amount: string) => formatMoney(amount, 'TND', 'fr'),
  milestone: (kind: string) => words(fr, `jobs.milestoneKinds.${kind}`) ?? kind,
};

// The tester's job: planned from the quote, one actual cost, nothing invoiced, only booked and delivered.
const job = {
  charges: [charge('revenue', 'planned'), charge('cost', 'planned'), charge('cost', 'actual')],
  milestones: [milestone('booked'), milestone('delivered')],
};
const profit = {
  planned: column('161415.000', '144245.000', '17170.000'),
  actual: column('0.000', '3086.418', '-3086.418'),
  invoiced: column('0.000', '0.000', '0.000'),
  costLinesUninvoiced: 1,
};

describe('closeChecklist: what closing a job leaves open', () => {
  it('lists the uninvoiced planned sales, the unbilled actual cost and the missing departure/arrival', () => {
    const lines = closeChecklist(job, profit, format);
    expect(lines.map((l) => l.key)).toEqual([
      'jobs.close.open.plannedSales',
      'jobs.close.open.costs',
      'jobs.close.open.milestones',
    ]);
    expect(String(lines[0]!.params!['amount']).replace(/\s/g, ' ')).toBe('161 415,000 TND');
    expect(lines[1]!.params).toEqual({ count: 1 });
    expect(lines[2]!.params).toEqual({ kinds: 'Départ, Arrivée' });
  });

  it('bills actual sales once there are any, net of what is invoiced; nothing open, nothing listed', () => {
    const billed = {
      charges: [...job.charges, charge('revenue', 'actual')],
      milestones: [milestone('departed'), milestone('arrived')],
    };
    const partly = {
      ...profit,
      actual: column('1000.500', '3086.418', '-2085.918'),
      invoiced: column('400.250', '0', '400.250'),
    };
    const lines = closeChecklist(billed, partly, format);
    expect(lines[0]!.key).toBe('jobs.close.open.actualSales');
    expect(String(lines[0]!.params!['amount']).replace(/\s/g, ' ')).toBe('600,250 TND');
    const done = { ...partly, invoiced: column('1000.500', '3086.418', '-2085.918'), costLinesUninvoiced: 0 };
    expect(closeChecklist(billed, done, format)).toEqual([]);
    expect(closeDialogData('JOB-1', []).messageKey).toBe('jobs.close.message');
  });

  it('says the money was not checked when the profit could not be read', () => {
    expect(closeChecklist(job, null, format).map((l) => l.key)[0]).toBe('jobs.close.open.moneyUnchecked');
  });

  it('warns when the quote planned costs and none was recorded (a tester closed at a 100 % margin)', () => {
    const noCost = { ...profit, actual: column('1100.000', '0.000', '1100.000'), costLinesUninvoiced: 0 };
    const billed = {
      charges: [charge('revenue', 'actual'), charge('cost', 'planned')],
      milestones: job.milestones,
    };
    const lines = closeChecklist(
      billed,
      { ...noCost, invoiced: column('1100.000', '0', '1100.000') },
      format,
    );
    expect(lines.map((l) => l.key)).toContain('jobs.close.open.noCosts');
    expect(
      String(lines.find((l) => l.key === 'jobs.close.open.noCosts')!.params!['planned']).replace(/\s/g, ' '),
    ).toBe('144 245,000 TND');
  });

  it('has every key in French and English, and a confirm that says closing is for good', () => {
    const data = closeDialogData('JOB-1', closeChecklist(job, null, format));
    const keys = [data.titleKey, data.messageKey, data.confirmKey, 'jobs.close.message'];
    keys.push(
      ...['plannedSales', 'actualSales', 'costs', 'moneyUnchecked', 'milestones'].map(
        (k) => `jobs.close.open.${k}`,
      ),
    );
    for (const key of keys) {
      expect(words(fr, key), key).toBeTruthy();
      expect(words(en, key), key).toBeTruthy();
    }
    expect(words(fr, data.confirmKey)).toBe('Clôturer définitivement');
    expect(data.destructive).toBe(true);
  });
});

describe('skippedMilestones: the earlier kinds a milestone would jump over', () => {
  it('names departure, arrival and the rest when "delivered" follows "booked"', () => {
    expect(skippedMilestones([milestone('booked')], 'delivered')).toEqual([
      'cargo_received',
      'departed',
      'arrived',
      'customs_cleared',
    ]);
    expect(skippedMilestones([milestone('booked'), milestone('cargo_received')], 'departed')).toEqual([]);
    expect(skippedMilestones([], 'booked')).toEqual([]);
  });

  it('does not ask for a departure before an export is cleared, nor for customs before anything else', () => {
    expect(skippedMilestones([milestone('booked'), milestone('cargo_received')], 'customs_cleared')).toEqual(
      [],
    );
    expect(skippedMilestones([], 'customs_cleared')).toEqual(['booked']);
    expect(skippedMilestones([milestone('booked'), milestone('cargo_received')], 'arrived')).toEqual([
      'departed',
    ]);
  });

  it('asks in French and English', () => {
    for (const key of ['skipTitle', 'skipMessage', 'skipConfirm']) {
      expect(words(fr, `jobs.milestones.${key}`)).toBeTruthy();
      expect(words(en, `jobs.milestones.${key}`)).toBeTruthy();
    }
  });
});
