import { Controller, Get, Inject } from '@nestjs/common';
import { ApiInfoSchema, type ApiInfo } from '@velosi/contracts';
import { DATABASE, type DatabaseHandle } from '../database/database.types.js';
import { Returns } from '../docs/api-docs.decorators.js';
import { packageVersion } from './package-version.js';
import { Public } from '../auth/public.decorator.js';

// Public: read before anyone has signed in (SPA boot, load balancers, the home page).
@Public()
@Controller('api/info')
export class InfoController {
  private readonly info: ApiInfo;

  constructor(@Inject(DATABASE) database: DatabaseHandle) {
    this.info = ApiInfoSchema.parse({
      name: 'Velosi ERP',
      version: packageVersion(),
      database: database.kind,
    });
  }

  /** Public facts the SPA shows on its home page. */
  @Get()
  @Returns(ApiInfoSchema)
  get(): ApiInfo {
    return this.info;
  }
}
