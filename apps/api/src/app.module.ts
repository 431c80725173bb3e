import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { ActivitiesModule } from './activities/activities.module.js';
import { AuditLogModule } from './audit/audit-log.module.js';
import { AttachmentsModule } from './attachments/attachments.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ClientsModule } from './clients/clients.module.js';
import type { AppLogger } from './common/logger.js';
import { LoggerModule } from './common/logger.module.js';
import { RateLimitModule } from './common/rate-limit/rate-limit.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DashboardModule } from './dashboard/dashboard.module.js';
import { DemoModule } from './demo/demo.module.js';
import { DocsModule } from './docs/docs.module.js';
import { HealthModule } from './health/health.module.js';
import { InfoModule } from './info/info.module.js';
import { LeadsModule } from './leads/leads.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { OpportunitiesModule } from './opportunities/opportunities.module.js';
import { QuotesModule } from './quotes/quotes.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { SalesTargetsModule } from './sales-targets/sales-targets.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { InvoicesModule } from './invoices/invoices.module.js';
import { PaymentsModule } from './payments/payments.module.js';
import { ReceivablesModule } from './receivables/receivables.module.js';
import { SupplierInvoicesModule } from './supplier-invoices/supplier-invoices.module.js';
import { ReferenceModule } from './reference/reference.module.js';
import { SearchModule } from './search/search.module.js';
import { SpaModule } from './spa/spa.module.js';
import { UsersModule } from './users/users.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: AppLogger, extraModules: Type[] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(logger),
        DatabaseModule,
        RateLimitModule,
        HealthModule,
        AuditModule,
        AuditLogModule,
        AuthModule,
        UsersModule,
        ClientsModule,
        LeadsModule,
        OpportunitiesModule,
        ActivitiesModule,
        DemoModule,
        QuotesModule,
        JobsModule,
        InvoicesModule,
        PaymentsModule,
        ReceivablesModule,
        SupplierInvoicesModule,
        AttachmentsModule,
        ReferenceModule,
        NotificationsModule,
        SearchModule,
        SalesTargetsModule,
        DashboardModule,
        ReportsModule,
        InfoModule,
        SpaModule,
        MetricsModule,
        DocsModule,
        ...extraModules,
      ],
    };
  }
}
