import { Controller, Get, Header, Inject } from '@nestjs/common';
import { WebConfigSchema, type WebConfig } from '@velosi/contracts';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { Public } from '../auth/public.decorator.js';
import { Returns } from '../docs/api-docs.decorators.js';

/** `GET /config.json`: what the SPA reads at boot, so one SPA build serves every environment. */
// Public: read before anyone has signed in (SPA boot, load balancers, the home page).
@Public()
@Controller()
export class WebConfigController {
  private readonly body: WebConfig;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // apiUrl '' = same origin: the API serves the SPA.
    this.body = WebConfigSchema.parse({
      apiUrl: '',
      issuerUrl: config.web.issuerUrl,
      clientId: config.web.clientId,
    });
  }

  @Get('config.json')
  @Returns(WebConfigSchema)
  @Header('cache-control', 'no-cache')
  get(): WebConfig {
    return this.body;
  }
}
