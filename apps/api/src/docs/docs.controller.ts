import { Controller, Get, Header, NotFoundException, Param, Res, StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/public.decorator.js';
import { HiddenFromDocs } from './api-docs.decorators.js';
import { OpenApiDocs } from './openapi-docs.js';
import {
  DOCS_INIT_SCRIPT,
  DOCS_PAGE_CSP,
  DOCS_PAGE_HTML,
  SWAGGER_UI_ASSETS,
  swaggerUiAsset,
} from './swagger-ui-page.js';

/**
 * `GET /api/docs.json` (OpenAPI 3.1) and `GET /api/docs` (Swagger UI). Public: they describe the
 * routes, which answer anyone anyway, and hold no data or configuration; the ops endpoints
 * (`/metrics`) and these routes themselves are left out.
 */
@Public()
@HiddenFromDocs()
@Controller('api')
export class DocsController {
  constructor(private readonly docs: OpenApiDocs) {}

  @Get('docs.json')
  @Header('cache-control', 'no-cache')
  document(): Record<string, unknown> {
    return this.docs.get();
  }

  @Get('docs')
  page(@Res({ passthrough: true }) reply: FastifyReply): string {
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', DOCS_PAGE_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-cache');
    return DOCS_PAGE_HTML;
  }

  @Get('docs/init.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  @Header('cache-control', 'public, max-age=86400')
  script(): string {
    return DOCS_INIT_SCRIPT;
  }

  @Get('docs/assets/:file')
  @Header('cache-control', 'public, max-age=86400') // the page's links carry the package version
  asset(@Param('file') file: string): StreamableFile {
    const type = Object.hasOwn(SWAGGER_UI_ASSETS, file) ? SWAGGER_UI_ASSETS[file] : undefined;
    if (!type) throw new NotFoundException();
    return new StreamableFile(swaggerUiAsset(file), { type });
  }
}
