import { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

/** `/opportunities` (kanban), `/opportunities/list` (table), `/opportunities/:id` (detail). */
export const OPPORTUNITIES_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('opportunities', 'activities', 'sales')],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'nav.opportunities',
        loadComponent: () => import('./pipeline-board').then((m) => m.PipelineBoard),
      },
      {
        path: 'list',
        title: 'nav.opportunities',
        loadComponent: () => import('./opportunities-table').then((m) => m.OpportunitiesTable),
      },
      {
        path: ':id',
        title: 'nav.opportunities',
        loadComponent: () => import('./opportunity-detail').then((m) => m.OpportunityDetail),
      },
    ],
  },
];
