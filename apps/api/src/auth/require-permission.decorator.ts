import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@velosi/contracts';

/** Metadata key read by the global AuthGuard. */
export const REQUIRED_PERMISSIONS_KEY = 'velosi:auth:permissions';

/**
 * Requires every listed permission (derived from realm roles through the contracts map) on top of
 * authentication. Missing one answers 403 problem+json. A method-level decorator overrides a
 * class-level one (the guard reads the handler first).
 */
export const RequirePermission = (...permissions: Permission[]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_PERMISSIONS_KEY, permissions);
