import { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

/** `/clients` (list) and `/clients/:id` (detail with contacts and timeline). */
export const CLIENTS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('clients', 'opportunities', 'activities', 'sales')],
    children: [
      {
        path: '',
        title: 'nav.clients',
        loadComponent: () => import('./clients-page').then((m) => m.ClientsPage),
      },
      {
        path: ':id',
        title: 'nav.clients',
        loadComponent: () => import('./detail/client-detail').then((m) => m.ClientDetail),
      },
    ],
  },
];
