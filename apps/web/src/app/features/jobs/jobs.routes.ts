import { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

import { unsavedChangesGuard } from '../../shared/forms/unsaved-changes';

export const JOBS_ROUTES: Routes = [
  {
    path: '',
    // `quotes` too: the job page names modes, directions and incoterms as the quote pages do; `sales`: the conflict message.
    providers: [provideTranslocoScope('jobs', 'quotes', 'sales')],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'nav.jobs',
        loadComponent: () => import('./jobs-page').then((m) => m.JobsPage),
      },
      {
        path: ':id',
        title: 'nav.jobs',
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('./detail/job-detail').then((m) => m.JobDetailPage),
      },
    ],
  },
];
