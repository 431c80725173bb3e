import { SetMetadata } from '@nestjs/common';

/** Metadata key read by the global AuthGuard; routes carrying it skip authentication. */
export const IS_PUBLIC_KEY = 'velosi:auth:public';

/**
 * Opts a route (or a whole controller) out of the global deny-by-default guard.
 * Use sparingly: health, info, login/refresh/logout and the SPA config are the only public routes.
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
