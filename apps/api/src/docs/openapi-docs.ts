import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { packageVersion } from '../info/package-version.js';
import { buildOpenApiDocument } from './openapi-document.js';
import { catalogRoutes } from './route-catalog.js';

const DESCRIPTION = [
  'REST API of Velosi ERP, generated from the routes and the zod contracts (`@velosi/contracts`) they validate with.',
  'Authenticate with a bearer access token of the ERP_Velosi realm; operations marked without security are public.',
  'Errors are RFC 9457 problem details (`application/problem+json`); lists answer `{ items, total, page, pageSize }`.',
].join('\n\n');

/** The OpenAPI document of the running app, built once on first request (routes do not change). */
@Injectable()
export class OpenApiDocs {
  private document: Record<string, unknown> | undefined;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly scanner: MetadataScanner,
  ) {}

  get(): Record<string, unknown> {
    this.document ??= buildOpenApiDocument(
      catalogRoutes(this.discovery, this.reflector, this.scanner).filter((route) => !route.hidden),
      { title: 'Velosi ERP API', version: packageVersion(), description: DESCRIPTION },
    );
    return this.document;
  }
}
