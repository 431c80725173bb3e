import { Controller, Get, Header, Inject } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';

/** What the SPA reads at boot, so one SPA build serves every environment. */
export interface WebRuntimeConfig {
  apiUrl: string;
  issuerUrl: string;
  clientId: string;
}

@Controller()
export class WebConfigController {
  private readonly body: WebRuntimeConfig;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // apiUrl '' = same origin: the API serves the SPA.
    this.body = { apiUrl: '', issuerUrl: config.web.issuerUrl, clientId: config.web.clientId };
  }

  @Get('config.json')
  @Header('cache-control', 'no-store')
  get(): WebRuntimeConfig {
    return this.body;
  }
}
