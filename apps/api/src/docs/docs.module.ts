import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DocsController } from './docs.controller.js';
import { OpenApiDocs } from './openapi-docs.js';

/** The OpenAPI document of every controller route and its Swagger UI page. */
@Module({
  imports: [DiscoveryModule],
  controllers: [DocsController],
  providers: [OpenApiDocs],
})
export class DocsModule {}
