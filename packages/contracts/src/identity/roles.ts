import { z } from 'zod';
import { ROLES } from '../roles-map.js';

export * from '../roles-map.js';

export const RoleSchema = z.enum(ROLES);
