import { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

/** `/activities`: the list (activities are created from the detail pages they are about). */
export const ACTIVITIES_ROUTES: Routes = [
  {
    path: '',
    title: 'nav.activities',
    providers: [provideTranslocoScope('activities', 'sales')],
    loadComponent: () => import('./activities-page').then((m) => m.ActivitiesPage),
  },
];
