import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { SalesReportQuerySchema, type SalesReportQuery } from '@velosi/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { csvFile } from '../common/csv/csv-export.js';
import { RateBudget } from '../common/rate-limit/rate-budget.decorator.js';
import { ZodValidationPipe } from '../common/validation.js';
import { ReturnsFile } from '../docs/api-docs.decorators.js';
import { pdfResponse } from '../documents/pdf-response.js';
import { salesReportCsv, renderSalesReportPdf } from './sales-report-files.js';
import { SalesReportService } from './sales-report.service.js';

const fileName = (from: string, to: string) => `sales-report_${from}_${to}`;

/** `GET /api/reports/sales.{pdf,csv}?from=&to=&commercialId=`: the per-commercial sales report. */
@Controller('api/reports')
export class ReportsController {
  constructor(private readonly reports: SalesReportService) {}

  @Get('sales.pdf')
  @RateBudget('documents')
  @RequirePermission('reports:read')
  @ReturnsFile('application/pdf', 'The sales report as PDF (letterhead, one line per commercial).')
  async pdf(
    @CurrentUser() user: AuthUser,
    @Query(new ZodValidationPipe(SalesReportQuerySchema)) query: SalesReportQuery,
  ): Promise<StreamableFile> {
    const report = await this.reports.build(user, query);
    const pdf = await renderSalesReportPdf(report, query.lang);
    return pdfResponse({ pdf, filename: `${fileName(report.period.from, report.period.to)}.pdf` });
  }

  @Get('sales.csv')
  @RateBudget('documents')
  @RequirePermission('reports:read')
  @ReturnsFile('text/csv', 'The sales report as CSV (UTF-8 with BOM).')
  async csv(
    @CurrentUser() user: AuthUser,
    @Query(new ZodValidationPipe(SalesReportQuerySchema)) query: SalesReportQuery,
  ): Promise<StreamableFile> {
    const report = await this.reports.build(user, query);
    return csvFile(salesReportCsv(report, query), fileName(report.period.from, report.period.to));
  }
}
