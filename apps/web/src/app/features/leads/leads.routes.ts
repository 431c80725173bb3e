import { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

/** `/leads` (list) and `/leads/:id` (detail); the scopes load the feature's translations. */
export const LEADS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('leads', 'activities', 'sales')],
    children: [
      { path: '', title: 'nav.leads', loadComponent: () => import('./leads-page').then((m) => m.LeadsPage) },
      {
        path: ':id',
        title: 'nav.leads',
        loadComponent: () => import('./lead-detail').then((m) => m.LeadDetail),
      },
    ],
  },
];
