import { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

import { permissionGuard } from '../../core/auth/auth.guards';
import { unsavedChangesGuard } from '../../shared/forms/unsaved-changes';

export const QUOTES_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('quotes')],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'nav.quotes',
        loadComponent: () => import('./quotes-page').then((m) => m.QuotesPage),
      },
      {
        path: 'new',
        title: 'nav.quotes',
        canMatch: [permissionGuard('quotes:write')],
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('./editor/quote-editor').then((m) => m.QuoteEditor),
      },
      {
        path: ':id/edit',
        title: 'nav.quotes',
        canMatch: [permissionGuard('quotes:write')],
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('./editor/quote-editor').then((m) => m.QuoteEditor),
      },
      {
        path: ':id',
        title: 'nav.quotes',
        loadComponent: () => import('./detail/quote-detail').then((m) => m.QuoteDetail),
      },
    ],
  },
];
