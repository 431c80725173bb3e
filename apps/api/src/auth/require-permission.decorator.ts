// Kept so existing imports keep working; the rules live in route-access.ts.
export { RequirePermission, ROUTE_ACCESS_KEY } from './route-access.js';
