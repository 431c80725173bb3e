// Zod-free on purpose: the SPA imports this file alone (`@velosi/contracts/roles-map`) so the
// permission map does not pull zod and every schema into its bundle.

/** Realm roles of ERP_Velosi (docs/rules.md). */
export const ROLES = ['ADMIN', 'COMMERCIAL', 'OPERATIONS', 'FINANCE'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The sales records and whom they are assigned to: COMMERCIAL holds every one of them. */
const SALES_PERMISSIONS = [
  // The staff directory behind the assignee pickers: whoever edits sales records picks colleagues.
  'staff:read',
  'leads:read',
  'leads:write',
  'opportunities:read',
  'opportunities:write',
  'activities:read',
  'activities:write',
  // Which quotes a reader sees is the API's SQL visibility: OPERATIONS only the accepted ones.
  'quotes:read',
  'quotes:write',
  'clients:read',
  'clients:write',
] as const;

/** Invoicing, payments and receivables: FINANCE holds every one of them. */
const FINANCE_PERMISSIONS = [
  // Customer invoices and credit notes. Which invoices a reader sees is the API's SQL visibility:
  // a COMMERCIAL those of their clients, OPERATIONS those of jobs. FINANCE drafts, issues, credits.
  'invoices:read',
  'invoices:write',
  'invoices:issue',
  // The sales journal (accounting export).
  'invoices:journal',
  // Customer payments (receipts, allocations, withholding tax, reversals): FINANCE and ADMIN.
  'payments:read',
  'payments:write',
  // Client balances and ageing, statements of account; a COMMERCIAL reads their own clients'
  // (SQL visibility as for invoices). `receivables:remind` e-mails the overdue list.
  'receivables:read',
  'receivables:remind',
  // Supplier invoices recorded against job cost lines: FINANCE writes, OPERATIONS reads them.
  'supplier-invoices:read',
  'supplier-invoices:write',
] as const;

/**
 * Permission strings checked by the API guard (`@RequirePermission`) and by the SPA (menus,
 * route guards). A permission is granted by holding any role listed for it.
 */
export const PERMISSIONS = [
  'dashboard:read',
  'users:read',
  'users:write',
  ...SALES_PERMISSIONS,
  // Clients' fiscal follow-up (VAT suspensions expiring): FINANCE and ADMIN.
  'clients:finance',
  'reference:read',
  'reference:write',
  // Operations job files. Which jobs a reader sees is the API's SQL visibility: a COMMERCIAL only
  // those of the clients assigned to them. `jobs:costs` writes charge lines (FINANCE too).
  'jobs:read',
  'jobs:write',
  'jobs:costs',
  // Sales targets: ADMIN sets them, a commercial reads their own (SQL visibility).
  'targets:read',
  'targets:write',
  // The sales report (PDF/CSV) per commercial: a commercial gets their own row only.
  'reports:read',
  ...FINANCE_PERMISSIONS,
  // The audit log (business writes and sign-in events): ADMIN only.
  'audit:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  ADMIN: PERMISSIONS,
  COMMERCIAL: [
    'dashboard:read',
    ...SALES_PERMISSIONS,
    'reference:read',
    'jobs:read',
    'targets:read',
    'reports:read',
    'invoices:read',
    'receivables:read',
  ],
  OPERATIONS: [
    'dashboard:read',
    'quotes:read',
    'clients:read',
    'reference:read',
    'jobs:read',
    'jobs:write',
    'jobs:costs',
    'invoices:read',
    'supplier-invoices:read',
  ],
  FINANCE: [
    'dashboard:read',
    'quotes:read',
    'clients:read',
    'clients:finance',
    'reference:read',
    'jobs:read',
    'jobs:costs',
    ...FINANCE_PERMISSIONS,
  ],
};

/** Permissions of a user holding the given realm roles (unknown roles grant nothing). */
export function permissionsFor(roles: readonly string[]): Permission[] {
  const granted = new Set<Permission>();
  for (const role of roles) {
    if (isRole(role)) for (const p of ROLE_PERMISSIONS[role]) granted.add(p);
  }
  return PERMISSIONS.filter((p) => granted.has(p));
}

export function hasPermission(roles: readonly string[], permission: Permission): boolean {
  return permissionsFor(roles).includes(permission);
}
