import type { Permission } from '@velosi/contracts';

/** One entry of the side navigation. */
export interface NavItem {
  /** Router path (absolute). */
  readonly path: string;
  /** Transloco key of the label, also the route title. */
  readonly labelKey: string;
  /** Name registered in core/icons/app-icons.ts. */
  readonly icon: string;
  /**
   * Permission needed to see the entry and to open its route (app.routes.ts reads it from here):
   * the same string the API guard requires on the section's list route, from @velosi/contracts.
   */
  readonly permission?: Permission;
  /** Entries of one business section sit together under its heading (`nav.section.<name>`). */
  readonly section?: 'finance';
}

/** The sections of the ERP, in menu order. Routes live in app.routes.ts. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/dashboard', labelKey: 'nav.dashboard', icon: 'dashboard', permission: 'dashboard:read' },
  { path: '/leads', labelKey: 'nav.leads', icon: 'person_search', permission: 'leads:read' },
  {
    path: '/opportunities',
    labelKey: 'nav.opportunities',
    icon: 'trending_up',
    permission: 'opportunities:read',
  },
  { path: '/activities', labelKey: 'nav.activities', icon: 'event', permission: 'activities:read' },
  // Operations read accepted quotes only: the API's visibility filters, the permission is the same.
  { path: '/quotes', labelKey: 'nav.quotes', icon: 'request_quote', permission: 'quotes:read' },
  { path: '/jobs', labelKey: 'nav.jobs', icon: 'folder_open', permission: 'jobs:read' },
  {
    path: '/invoices',
    labelKey: 'nav.invoices',
    icon: 'receipt_long',
    permission: 'invoices:read',
    section: 'finance',
  },
  {
    path: '/payments',
    labelKey: 'nav.payments',
    icon: 'payments',
    permission: 'payments:read',
    section: 'finance',
  },
  {
    path: '/receivables',
    labelKey: 'nav.receivables',
    icon: 'account_balance',
    permission: 'receivables:read',
    section: 'finance',
  },
  {
    path: '/supplier-invoices',
    labelKey: 'nav.supplierInvoices',
    icon: 'request_quote',
    permission: 'supplier-invoices:read',
    section: 'finance',
  },
  { path: '/clients', labelKey: 'nav.clients', icon: 'apartment', permission: 'clients:read' },
  { path: '/reference', labelKey: 'nav.reference', icon: 'library_books', permission: 'reference:read' },
  { path: '/admin', labelKey: 'nav.admin', icon: 'admin_panel_settings', permission: 'users:read' },
  { path: '/admin/audit', labelKey: 'nav.audit', icon: 'policy', permission: 'audit:read' },
];

/** The entries a user holding `permissions` sees (and may open): the menu and the route guards agree. */
export function visibleNavItems(permissions: ReadonlySet<Permission>): readonly NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || permissions.has(item.permission));
}

/**
 * The entry the page at `url` belongs to: the longest entry path that is the URL's path or one of
 * its parents. `/admin/audit` is the audit log's alone, not also Administration's, whereas
 * `/admin/users` and `/reference/locations` stay under their section's entry.
 */
export function currentNavPath(url: string, items: readonly NavItem[] = NAV_ITEMS): string | null {
  const path = url.split(/[?#;]/, 1)[0] ?? '';
  let current: string | null = null;
  for (const item of items) {
    const within = path === item.path || path.startsWith(`${item.path}/`);
    if (within && item.path.length > (current?.length ?? 0)) current = item.path;
  }
  return current;
}
