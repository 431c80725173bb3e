import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { JobDocumentQuerySchema } from '@velosi/contracts';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser } from '../../auth/current-user.decorator.js';
import { RequirePermission } from '../../auth/require-permission.decorator.js';
import { invalidState } from '../../common/records/problems.js';
import { RecordIdPipe } from '../../common/records/record-id.pipe.js';
import { ZodValidationPipe } from '../../common/validation.js';
import { ReturnsFile } from '../../docs/api-docs.decorators.js';
import { pdfResponse } from '../../documents/pdf-response.js';
import { renderHouseBill, type HouseBillKind } from '../documents/house-bill-pdf.js';
import { JobsService } from '../domain/jobs.service.js';

/** Draft house documents our company issues: HBL for sea jobs, HAWB for air jobs (`?lang=fr|en`). */
@Controller('api/jobs/:id')
export class JobDocumentsController {
  constructor(private readonly jobs: JobsService) {}

  private async render(user: AuthUser, id: string, kind: HouseBillKind, lang: 'fr' | 'en' | undefined) {
    const job = await this.jobs.get(user, id);
    const fits = kind === 'hbl' ? job.mode.startsWith('sea') : job.mode.startsWith('air');
    if (!fits) throw invalidState(`Job ${job.number} is ${job.mode}: no ${kind.toUpperCase()} for it.`);
    return pdfResponse(await renderHouseBill(job, kind, lang ?? 'fr'));
  }

  @Get('hbl.pdf')
  @RequirePermission('jobs:read')
  @ReturnsFile('application/pdf', 'Draft house bill of lading of a sea job.')
  hbl(
    @CurrentUser() user: AuthUser,
    @Param('id', RecordIdPipe) id: string,
    @Query(new ZodValidationPipe(JobDocumentQuerySchema)) query: { lang?: 'fr' | 'en' },
  ): Promise<StreamableFile> {
    return this.render(user, id, 'hbl', query.lang);
  }

  @Get('hawb.pdf')
  @RequirePermission('jobs:read')
  @ReturnsFile('application/pdf', 'Draft house air waybill of an air job.')
  hawb(
    @CurrentUser() user: AuthUser,
    @Param('id', RecordIdPipe) id: string,
    @Query(new ZodValidationPipe(JobDocumentQuerySchema)) query: { lang?: 'fr' | 'en' },
  ): Promise<StreamableFile> {
    return this.render(user, id, 'hawb', query.lang);
  }
}
