import { Route, Routes } from '@angular/router';

import { Shell } from './layout/shell/shell';

const loadHome = () => import('./features/home/home').then((m) => m.Home);

/**
 * A section whose feature is not built yet: a lazy "coming soon" page titled after the section
 * (not a 404, so links and bookmarks already work). Replace with the feature's routes when built.
 */
function comingSoon(path: string, titleKey: string): Route {
  return {
    path,
    title: titleKey,
    data: { titleKey },
    loadComponent: () => import('./shared/ui/coming-soon/coming-soon').then((m) => m.ComingSoon),
  };
}

export const routes: Routes = [
  {
    path: '',
    component: Shell,
    children: [
      { path: '', pathMatch: 'full', title: 'nav.home', loadComponent: loadHome },
      { path: 'dashboard', title: 'nav.dashboard', loadComponent: loadHome },
      comingSoon('leads', 'nav.leads'),
      comingSoon('opportunities', 'nav.opportunities'),
      comingSoon('quotes', 'nav.quotes'),
      comingSoon('clients', 'nav.clients'),
      comingSoon('reference', 'nav.reference'),
      comingSoon('admin', 'nav.admin'),
      {
        path: '**',
        title: 'notFound.title',
        loadComponent: () => import('./shared/ui/not-found/not-found').then((m) => m.NotFound),
      },
    ],
  },
];
