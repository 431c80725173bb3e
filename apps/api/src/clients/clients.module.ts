import { Module } from '@nestjs/common';
import { ClientSchema } from '@velosi/contracts';
import { ActivitiesModule } from '../activities/activities.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { lifecycleController } from '../activities/record-lifecycle.controller.js';
import { StaffModule } from '../staff/staff.module.js';
import { ClientsController } from './clients.controller.js';
import { ClientsCsvController } from './csv/clients-csv.controller.js';
import { ClientsImportService } from './csv/clients-import.service.js';
import { ContactsImportService } from './contacts/contacts-import.service.js';
import { ClientsService } from './clients.service.js';
import { ContactsController } from './contacts/contacts.controller.js';
import { ContactsService } from './contacts/contacts.service.js';
import { ClientsRepository } from './clients.repository.js';
import { ContactsRepository } from './contacts/contacts.repository.js';

@Module({
  imports: [AuditModule, ActivitiesModule, StaffModule],
  controllers: [
    ClientsController,
    ClientsCsvController,
    ContactsController,
    lifecycleController({
      path: 'api/clients',
      service: ClientsService,
      record: ClientSchema,
      read: 'clients:read',
      write: 'clients:write',
      timeline: 'clientId',
    }),
  ],
  providers: [
    ClientsRepository,
    ContactsRepository,
    ClientsService,
    ContactsService,
    ClientsImportService,
    ContactsImportService,
  ],
  // Leads (conversion) and quotes (acceptance of a lead-only quote) create clients through it.
  exports: [ClientsRepository, ContactsRepository, ClientsService],
})
export class ClientsModule {}
