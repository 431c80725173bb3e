import { Module } from '@nestjs/common';
import { QuoteSchema } from '@velosi/contracts';
import { ActivitiesModule } from '../activities/activities.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ClientsModule } from '../clients/clients.module.js';
import { lifecycleController } from '../activities/record-lifecycle.controller.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { LeadsModule } from '../leads/leads.module.js';
import { MailModule } from '../mail/mail.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OpportunitiesModule } from '../opportunities/opportunities.module.js';
import { StaffModule } from '../staff/staff.module.js';
import { IdentityAdminModule } from '../users/identity-admin.module.js';
import { QuoteDocuments } from './documents/quote-documents.js';
import { PublicQuotesService } from './domain/public-quotes.service.js';
import { QuoteAcceptance } from './domain/quote-acceptance.js';
import { QuoteActionsService } from './domain/quote-actions.service.js';
import { QuotesService } from './domain/quotes.service.js';
import { PublicQuotesController } from './http/public-quotes.controller.js';
import { QuoteActionsController } from './http/quote-actions.controller.js';
import { QuotesController } from './http/quotes.controller.js';
import { QuoteExpirySweep } from './jobs/quote-expiry.js';
import { QuoteParties } from './persistence/quote-parties.js';
import { QuotesRepository } from './persistence/quotes.repository.js';
import { QuotesCsvController } from './http/quotes-csv.controller.js';

/**
 * Quotes as rooms (docs/architecture.md): http/ (controllers, HTTP only) → domain/ (use cases) →
 * persistence/ (QuotesRepository: all quote and line SQL), plus documents/ (PDF, e-mail text),
 * jobs/ (expiry sweep) and demo/ (seed step).
 */
@Module({
  imports: [
    AuditModule,
    ActivitiesModule,
    ClientsModule,
    JobsModule,
    LeadsModule,
    OpportunitiesModule,
    MailModule,
    NotificationsModule,
    StaffModule,
    // The public page names the salesperson and their phone (staff profile).
    IdentityAdminModule,
  ],
  controllers: [
    QuotesController,
    QuotesCsvController,
    QuoteActionsController,
    PublicQuotesController,
    lifecycleController({
      path: 'api/quotes',
      service: QuotesService,
      record: QuoteSchema,
      read: 'quotes:read',
      write: 'quotes:write',
      timeline: 'quoteId',
    }),
  ],
  providers: [
    QuotesRepository,
    QuotesService,
    QuoteParties,
    QuoteDocuments,
    QuoteAcceptance,
    QuoteActionsService,
    PublicQuotesService,
    QuoteExpirySweep,
  ],
  // The demo seed creates quotes through the repository and pricing, like the service does.
  exports: [QuotesRepository, QuotesService, QuoteActionsService],
})
export class QuotesModule {}
