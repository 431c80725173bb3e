import { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

import { permissionGuard } from '../../core/auth/auth.guards';
import { unsavedChangesGuard } from '../../shared/forms/unsaved-changes';

const editor = () => import('./editor/invoice-editor').then((m) => m.InvoiceEditor);

export const INVOICES_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('invoices', 'quotes', 'sales')],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'nav.invoices',
        loadComponent: () => import('./invoices-page').then((m) => m.InvoicesPage),
      },
      {
        path: 'new',
        title: 'nav.invoices',
        canMatch: [permissionGuard('invoices:write')],
        canDeactivate: [unsavedChangesGuard],
        loadComponent: editor,
      },
      {
        path: ':id/edit',
        title: 'nav.invoices',
        canMatch: [permissionGuard('invoices:write')],
        canDeactivate: [unsavedChangesGuard],
        loadComponent: editor,
      },
      {
        path: ':id',
        title: 'nav.invoices',
        loadComponent: () => import('./detail/invoice-detail').then((m) => m.InvoiceDetail),
      },
    ],
  },
];
