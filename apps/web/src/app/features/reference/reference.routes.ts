import { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

import { REFERENCE_VIEWS } from './reference-objects';

const loadListPage = () => import('./reference-list-page').then((m) => m.ReferenceListPage);

/**
 * `/reference` (the section's index) and `/reference/<object>`: one route per object (not one
 * `:object` route), so moving from one object to another builds a fresh page with its own search,
 * sort and filters.
 */
export const REFERENCE_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('reference', 'sales')],
    children: [
      {
        path: '',
        title: 'nav.reference',
        loadComponent: () => import('./reference-index').then((m) => m.ReferenceIndex),
      },
      ...REFERENCE_VIEWS.map((view) => ({
        path: view.path,
        title: 'nav.reference',
        data: { object: view.path },
        loadComponent: loadListPage,
      })),
    ],
  },
];
