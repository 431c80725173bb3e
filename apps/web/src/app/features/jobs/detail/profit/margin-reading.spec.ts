import { describe, expect, it } from 'vitest';
import en from '../../../../../../public/i18n/jobs/en.json';
import fr from '../../../../../../public/i18n/jobs/fr.json';
import { marginReading } from './margin-reading';

const column = (revenueTnd: string, costTnd: string, marginTnd: string) => ({
  revenueTnd,
  costTnd,
  marginTnd,
});

describe('marginReading: when a margin is a loss', () => {
  it('one actual cost and no actual sales yet is not a loss: the column says sales are missing', () => {
    // The tester's job: planned +836 TND, actual cost 365.250 entered before any actual sale.
    expect(marginReading(column('0.000', '365.250', '-365.250'))).toBe('noSales');
    expect(marginReading(column('1200.000', '364.000', '836.000'))).toBe('neutral');
  });

  it('the symmetric case: sales without costs is not a gain to celebrate either', () => {
    expect(marginReading(column('1100.000', '0.000', '1100.000'))).toBe('noCosts');
  });

  it('both sides entered: a negative margin is a loss; nothing entered is neutral', () => {
    expect(marginReading(column('900.000', '1000.500', '-100.500'))).toBe('loss');
    expect(marginReading(column('0.000', '0.000', '0.000'))).toBe('neutral');
  });

  it('each column’s note in French and English', () => {
    expect(fr.profitTable.noSales.actual).toBe('Ventes réelles pas encore saisies');
    expect(en.profitTable.noSales.actual).toBe('No actual sales recorded yet');
    expect(en.profitTable.noCosts.actual).toBe('No actual costs recorded yet');
    for (const file of [fr, en]) {
      for (const basis of ['planned', 'actual', 'invoiced'] as const) {
        expect(file.profitTable.noSales[basis]).toBeTruthy();
        expect(file.profitTable.noCosts[basis]).toBeTruthy();
      }
    }
  });
});

describe('job page names in English follow the French', () => {
  it('"Costs & margin" holds the "Margin" card; "Profitability" is the other tab, as the hint says', () => {
    expect([fr.tabs.costs, fr.costs.profit, fr.tabs.profit]).toEqual([
      'Coûts et marge',
      'Marge',
      'Rentabilité',
    ]);
    expect([en.tabs.costs, en.costs.profit, en.tabs.profit]).toEqual([
      'Costs & margin',
      'Margin',
      'Profitability',
    ]);
    expect(en.costs.profitHint).toContain('the Profitability tab');
    expect(fr.costs.profitHint).toContain('l’onglet Rentabilité');
    // "Profit" alone names nothing any more: the two tabs cannot be confused.
    expect(JSON.stringify(en)).not.toMatch(/\bProfit\b/);
  });
});
