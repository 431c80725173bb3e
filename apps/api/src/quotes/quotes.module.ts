import { Module } from '@nestjs/common';
import { QuoteSchema } from '@velosi/contracts';
import { ActivitiesModule } from '../activities/activities.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ClientsModule } from '../clients/clients.module.js';
import { lifecycleController } from '../common/records/lifecycle.controller.js';
import { LeadsModule } from '../leads/leads.module.js';
import { MailModule } from '../mail/mail.module.js';
import { OpportunitiesModule } from '../opportunities/opportunities.module.js';
import { StaffModule } from '../staff/staff.module.js';
import { PublicLinkThrottle } from './public-link-throttle.js';
import { PublicQuotesController } from './public-quotes.controller.js';
import { PublicQuotesService } from './public-quotes.service.js';
import { QuoteAcceptance } from './quote-acceptance.js';
import { QuoteActionsController } from './quote-actions.controller.js';
import { QuoteActionsService } from './quote-actions.service.js';
import { QuoteDocuments } from './quote-documents.js';
import { QuoteExpirySweep } from './quote-expiry.js';
import { QuoteParties } from './quote-parties.js';
import { QuotesController } from './quotes.controller.js';
import { QuotesService } from './quotes.service.js';

@Module({
  imports: [
    AuditModule,
    ActivitiesModule,
    ClientsModule,
    LeadsModule,
    OpportunitiesModule,
    MailModule,
    StaffModule,
  ],
  controllers: [
    QuotesController,
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
    QuotesService,
    QuoteParties,
    QuoteDocuments,
    QuoteAcceptance,
    QuoteActionsService,
    PublicQuotesService,
    PublicLinkThrottle,
    QuoteExpirySweep,
  ],
  // The demo seed creates quotes through the service, like a user would.
  exports: [QuotesService, QuoteActionsService],
})
export class QuotesModule {}
