import { Decimal } from 'decimal.js';
import type { DocumentLanguage, SalesReport, SalesReportRow } from '@velosi/contracts';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { toCsv, type CsvColumn, type ExportOptions } from '../common/csv/csv-export.js';
import { documentFormat } from '../documents/document-format.js';
import { COMPANY, headerRule, letterhead, letterheadFooter } from '../documents/letterhead.js';
import { DOCUMENT_PAGE, DOCUMENT_STYLES, printableStrings, renderPdf } from '../documents/pdf-renderer.js';
import { REPORT_LABELS, type ReportLabels } from './sales-report-labels.js';

/** Share of a goal reached, in percent with one decimal; null without a (non-zero) goal. */
export function reachedPercent(reached: string, goal: string | null | undefined): string | null {
  if (!goal || new Decimal(goal).isZero()) return null;
  return new Decimal(reached).div(goal).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);
}

/**
 * The target's own period (month, quarter or year), which is not the report's: "2026-12",
 * "2026-Q4" / "2026-T4", "2026". Its goals and "reached" figures are for that period.
 */
export function targetPeriodText(target: SalesReportRow['target'], t: ReportLabels): string {
  if (!target) return '';
  const [year = '', month = ''] = target.periodStart.split('-');
  if (target.period === 'year') return year;
  if (target.period === 'quarter') return `${year}-${t.quarter}${Math.ceil(Number(month) / 3)}`;
  return `${year}-${month}`;
}

const reasonsText = (row: SalesReportRow, t: ReportLabels) =>
  row.lostReasons.map(({ reason, count }) => `${reason || t.noReason} (${count})`).join(' | ');

function csvColumns(lang: DocumentLanguage): CsvColumn<SalesReportRow>[] {
  const t = REPORT_LABELS[lang];
  const both = (key: keyof typeof t & string) => ({
    fr: REPORT_LABELS.fr[key] as string,
    en: REPORT_LABELS.en[key] as string,
  });
  return [
    { field: 'commercialId', fr: 'Identifiant', en: 'Id' },
    { field: 'name', ...both('commercial') },
    { field: 'activitiesDone', ...both('activitiesDone') },
    { field: 'leadsCreated', ...both('leadsCreated') },
    { field: 'leadsConverted', ...both('leadsConverted') },
    { field: 'quotesSent', ...both('quotesSent') },
    { field: 'quotesAccepted', ...both('quotesAccepted') },
    { field: 'quotesLost', ...both('quotesLost') },
    { field: 'lostReasons', ...both('lostReasons'), value: (r) => reasonsText(r, t) },
    { field: 'revenueTnd', ...both('revenue') },
    { field: 'marginTnd', ...both('margin') },
    { field: 'targetPeriod', ...both('targetPeriod'), value: (r) => targetPeriodText(r.target, t) },
    { field: 'revenueTarget', ...both('revenueTarget'), value: (r) => r.target?.revenueTnd },
    {
      field: 'revenueProgress',
      ...both('revenueProgress'),
      value: (r) => reachedPercent(r.target?.progress.revenueTnd ?? '0', r.target?.revenueTnd),
    },
    { field: 'marginTarget', ...both('marginTarget'), value: (r) => r.target?.marginTnd },
    { field: 'newClients', ...both('newClients'), value: (r) => r.target?.progress.newClients },
    { field: 'newClientsTarget', ...both('newClientsTarget'), value: (r) => r.target?.newClients },
    { field: 'quotesSentTarget', ...both('quotesSentTarget'), value: (r) => r.target?.quotesSent },
  ];
}

/** One line per commercial; amounts as decimal strings (a spreadsheet parses them). */
export function salesReportCsv(report: SalesReport, options: ExportOptions): string {
  return toCsv(report.rows, csvColumns(options.lang), options);
}

function pdfDefinition(report: SalesReport, lang: DocumentLanguage): TDocumentDefinitions {
  const t = REPORT_LABELS[lang];
  const f = documentFormat(lang);
  const head = [
    t.commercial,
    t.activitiesDone,
    t.leadsCreated,
    t.leadsConverted,
    t.quotesSent,
    t.quotesAccepted,
    t.quotesLost,
    t.revenue,
    t.margin,
    t.revenueTarget,
  ].map((text): TableCell => ({ text, style: 'tableHead' }));
  const body: TableCell[][] = report.rows.map((r) => {
    const percent = reachedPercent(r.target?.progress.revenueTnd ?? '0', r.target?.revenueTnd);
    return [
      { text: r.name, bold: true },
      String(r.activitiesDone),
      String(r.leadsCreated),
      String(r.leadsConverted),
      String(r.quotesSent),
      String(r.quotesAccepted),
      String(r.quotesLost),
      { text: f.money(r.revenueTnd), alignment: 'right' },
      { text: f.money(r.marginTnd), alignment: 'right' },
      {
        // The goal and its share reached are for the target's period, named under the amount.
        text: r.target?.revenueTnd
          ? [
              `${f.money(r.target.revenueTnd)}${percent ? ` (${f.percent(percent)})` : ''}\n`,
              { text: t.targetPeriodOf(targetPeriodText(r.target, t)), fontSize: 7 },
            ]
          : '—',
        alignment: 'right',
      },
    ];
  });
  const reasons: Content[] = report.rows
    .filter((r) => r.lostReasons.length > 0)
    .map((r) => ({ text: [{ text: `${r.name} : `, bold: true }, reasonsText(r, t)], margin: [0, 2, 0, 0] }));
  const title = `${t.title} — ${f.date(report.period.from)} / ${f.date(report.period.to)}`;
  return {
    ...DOCUMENT_PAGE,
    pageOrientation: 'landscape',
    info: { title, author: COMPANY.legalName },
    content: [
      letterhead(),
      headerRule(),
      { text: t.title, style: 'docTitle', margin: [0, 12, 0, 0] },
      { text: t.period(f.date(report.period.from), f.date(report.period.to)), style: 'label' },
      report.rows.length === 0
        ? { text: t.none, margin: [0, 12, 0, 0] }
        : {
            table: {
              headerRows: 1,
              widths: ['*', 45, 45, 45, 45, 45, 45, 75, 70, 95],
              body: [head, ...body],
            },
            layout: 'lightHorizontalLines',
            margin: [0, 12, 0, 0],
          },
      ...(reasons.length > 0 ? [{ text: t.lostReasons, style: 'section' } as Content, ...reasons] : []),
    ],
    footer: letterheadFooter(t.title, t.page),
    styles: DOCUMENT_STYLES,
  };
}

export function renderSalesReportPdf(report: SalesReport, lang: DocumentLanguage): Promise<Buffer> {
  return renderPdf(pdfDefinition(printableStrings(report), lang));
}
