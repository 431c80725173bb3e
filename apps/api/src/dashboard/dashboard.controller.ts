import { Controller, Get, Query } from '@nestjs/common';
import {
  DashboardSchema,
  SalesPeriodQuerySchema,
  type Dashboard,
  type SalesPeriodQuery,
} from '@velosi/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { ZodValidationPipe } from '../common/validation.js';
import { Returns } from '../docs/api-docs.decorators.js';
import { DashboardService } from './dashboard.service.js';

/** `GET /api/dashboard?from=&to=&commercialId=`: the home page's figures for the caller's roles. */
@Controller('api/dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @Returns(DashboardSchema)
  @RequirePermission('dashboard:read')
  get(
    @CurrentUser() user: AuthUser,
    @Query(new ZodValidationPipe(SalesPeriodQuerySchema)) query: SalesPeriodQuery,
  ): Promise<Dashboard> {
    return this.dashboard.dashboard(user, query);
  }
}
