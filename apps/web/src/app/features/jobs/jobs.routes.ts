import { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

import { provideJobStaff } from '../../shared/fields/staff-directory';
import { unsavedChangesGuard } from '../../shared/forms/unsaved-changes';

export const JOBS_ROUTES: Routes = [
  {
    path: '',
    // `quotes` too: the job page names modes, directions and incoterms as the quote pages do; `sales`: the conflict message.
    // The job directory (operations staff) behind the assignee field, the filter and the names.
    providers: [provideTranslocoScope('jobs', 'quotes', 'sales'), ...provideJobStaff()],
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
