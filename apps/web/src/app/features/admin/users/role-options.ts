// The realm roles offered in the user forms, from the contracts (never a copy that could drift).
// Imported from the zod-free entry point so the page's chunk does not carry every schema.
export { ROLES } from '@velosi/contracts/roles-map';
