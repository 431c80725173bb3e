import { ForbiddenException, StreamableFile } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import type { RenderedQuote } from './quote-documents.js';

/**
 * Quote reads need `quotes:read` (COMMERCIAL, FINANCE, ADMIN) OR `quotes:read-accepted`
 * (OPERATIONS). @RequirePermission demands all of its list, so the read routes check this instead;
 * WHICH quotes each role then sees is the SQL visibility of quotes.records.ts.
 */
export function assertQuoteReader(user: AuthUser): void {
  if (!user.permissions.includes('quotes:read') && !user.permissions.includes('quotes:read-accepted')) {
    throw new ForbiddenException('Missing permission: quotes:read.');
  }
}

/** The PDF as an HTTP answer, shown inline by browsers and saved as `Q2026-00042.pdf`. */
export function pdfResponse(rendered: RenderedQuote): StreamableFile {
  return new StreamableFile(rendered.pdf, {
    type: 'application/pdf',
    disposition: `inline; filename="${rendered.filename}"`,
    length: rendered.pdf.length,
  });
}
