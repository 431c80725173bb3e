import { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

export const PAYMENTS_ROUTES: Routes = [
  {
    path: '',
    // The invoices scope for the status and money words the pages share with invoices.
    providers: [provideTranslocoScope('payments', 'invoices', 'sales')],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'nav.payments',
        loadComponent: () => import('./payments-page').then((m) => m.PaymentsPage),
      },
      {
        path: ':id',
        title: 'nav.payments',
        loadComponent: () => import('./detail/payment-detail').then((m) => m.PaymentDetail),
      },
    ],
  },
];
