import { StreamableFile } from '@nestjs/common';

/** A generated document: its bytes and the file name it is saved under. */
export interface RenderedPdf {
  pdf: Buffer;
  filename: string;
}

/** The PDF as an HTTP answer, shown inline by browsers and saved as `Q2026-00042.pdf`. */
export function pdfResponse(rendered: RenderedPdf): StreamableFile {
  return new StreamableFile(rendered.pdf, {
    type: 'application/pdf',
    disposition: `inline; filename="${rendered.filename}"`,
    length: rendered.pdf.length,
  });
}
