import { Route, Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

import { authenticatedGuard, permissionGuard } from './core/auth/auth.guards';
import { AUDIT_FIELD_SCOPES } from './features/admin/audit/audit-labels';
import { NAV_ITEMS } from './layout/nav-items';

// Both frames are lazy: main.ts stays small (auth, router), and a customer opening a public quote
// link never downloads the application shell.
const loadPublicLayout = () => import('./layout/public-layout/public-layout').then((m) => m.PublicLayout);
const loadHome = () => import('./features/home/home').then((m) => m.Home);
const loadNotFound = () => import('./shared/ui/not-found/not-found').then((m) => m.NotFound);

/**
 * A section of the side navigation: guarded by the permission of its menu entry (nav-items.ts is
 * the one place that says which permission opens which section), so menu and route cannot differ.
 */
function section(path: string, route: Omit<Route, 'path' | 'canMatch'>): Route {
  const permission = NAV_ITEMS.find((item) => item.path === `/${path}`)?.permission;
  return { path, ...route, ...(permission ? { canMatch: [permissionGuard(permission)] } : {}) };
}

/**
 * A page outside the shell, in the public frame. The frame wraps each page on its own route (not
 * one `path: ''` parent for all): an empty-path parent would also match `/` and hide the shell.
 */
function publicPage(path: string, title: string, loadComponent: Route['loadComponent']): Route {
  return { path, loadComponent: loadPublicLayout, children: [{ path: '', title, loadComponent }] };
}

export const routes: Routes = [
  // Public pages: no session needed.
  publicPage('auth/login', 'auth.signIn.title', () =>
    import('./features/auth/sign-in').then((m) => m.SignIn),
  ),
  publicPage('auth/callback', 'auth.callback.title', () =>
    import('./features/auth/auth-callback').then((m) => m.AuthCallback),
  ),
  publicPage('session-expired', 'auth.sessionEnded.pageTitle', () =>
    import('./features/auth/session-expired').then((m) => m.SessionExpired),
  ),
  publicPage('q/:token', 'publicQuote.title', () =>
    import('./features/public-quote/public-quote').then((m) => m.PublicQuote),
  ),
  // The application: a session is required (login otherwise), each section needs its permission.
  {
    path: '',
    loadComponent: () => import('./layout/shell/shell').then((m) => m.Shell),
    canMatch: [authenticatedGuard],
    children: [
      { path: '', pathMatch: 'full', title: 'nav.home', loadComponent: loadHome },
      section('dashboard', { title: 'nav.dashboard', loadComponent: loadHome }),
      section('leads', {
        loadChildren: () => import('./features/leads/leads.routes').then((m) => m.LEADS_ROUTES),
      }),
      section('opportunities', {
        loadChildren: () =>
          import('./features/opportunities/opportunities.routes').then((m) => m.OPPORTUNITIES_ROUTES),
      }),
      section('activities', {
        loadChildren: () =>
          import('./features/activities/activities.routes').then((m) => m.ACTIVITIES_ROUTES),
      }),
      section('quotes', {
        loadChildren: () => import('./features/quotes/quotes.routes').then((m) => m.QUOTES_ROUTES),
      }),
      section('jobs', {
        loadChildren: () => import('./features/jobs/jobs.routes').then((m) => m.JOBS_ROUTES),
      }),
      section('invoices', {
        loadChildren: () => import('./features/invoices/invoices.routes').then((m) => m.INVOICES_ROUTES),
      }),
      section('payments', {
        loadChildren: () => import('./features/payments/payments.routes').then((m) => m.PAYMENTS_ROUTES),
      }),
      section('receivables', {
        loadChildren: () =>
          import('./features/receivables/receivables.routes').then((m) => m.RECEIVABLES_ROUTES),
      }),
      section('clients', {
        loadChildren: () => import('./features/clients/clients.routes').then((m) => m.CLIENTS_ROUTES),
      }),
      section('reference', {
        loadChildren: () => import('./features/reference/reference.routes').then((m) => m.REFERENCE_ROUTES),
      }),
      section('supplier-invoices', {
        title: 'nav.supplierInvoices',
        // The texts live with the job page's supplier invoices section (`jobs` scope).
        providers: [provideTranslocoScope('jobs')],
        loadComponent: () =>
          import('./features/supplier-invoices/supplier-invoices-page').then((m) => m.SupplierInvoicesPage),
      }),
      section('admin', {
        children: [
          { path: '', pathMatch: 'full', redirectTo: 'users' },
          {
            path: 'users',
            title: 'admin.users.title',
            loadComponent: () => import('./features/admin/users/users-page').then((m) => m.UsersPage),
          },
          {
            path: 'targets',
            title: 'admin.targets.title',
            loadComponent: () => import('./features/admin/targets/targets-page').then((m) => m.TargetsPage),
          },
          {
            path: 'status',
            title: 'admin.api.pageTitle',
            loadComponent: () => import('./features/admin/api-status/api-status').then((m) => m.ApiStatus),
          },
          {
            path: 'audit',
            title: 'nav.audit',
            canMatch: [permissionGuard('audit:read')],
            // The objects' own scopes name their changed fields (audit-labels.ts, FIELD_SCOPES).
            providers: [provideTranslocoScope('audit', ...AUDIT_FIELD_SCOPES)],
            loadComponent: () => import('./features/admin/audit/audit-page').then((m) => m.AuditPage),
          },
        ],
      }),
      // Every signed-in user has notifications: no section permission.
      {
        path: 'notifications',
        loadChildren: () =>
          import('./features/notifications/notifications.routes').then((m) => m.NOTIFICATIONS_ROUTES),
      },
      {
        path: 'forbidden',
        title: 'forbidden.title',
        loadComponent: () => import('./shared/ui/forbidden/forbidden').then((m) => m.Forbidden),
      },
      { path: '**', title: 'notFound.title', loadComponent: loadNotFound },
    ],
  },
  // Unknown address without a session: the 404 needs no login (authenticatedGuard lets it through).
  publicPage('**', 'notFound.title', loadNotFound),
];
