import { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

export const RECEIVABLES_ROUTES: Routes = [
  {
    path: '',
    // `payments` for the record dialog and the invoices' payment statuses shown beside the ageing.
    providers: [provideTranslocoScope('receivables', 'payments', 'invoices', 'sales')],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'nav.receivables',
        loadComponent: () => import('./receivables-page').then((m) => m.ReceivablesPage),
      },
      {
        path: ':clientId',
        title: 'nav.receivables',
        loadComponent: () => import('./receivable-detail').then((m) => m.ReceivableDetail),
      },
    ],
  },
];
