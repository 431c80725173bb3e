import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';

import { APP_CONFIG } from '../config/app-config';

/**
 * Code calls the API with root-relative paths (`/api/info`); this prefixes them with the runtime
 * `apiUrl` when the API lives on another origin. With `apiUrl: ""` (API serves the SPA, or the dev
 * proxy) requests stay same-origin. authInterceptor runs after it.
 */
export const apiUrlInterceptor: HttpInterceptorFn = (request, next) => {
  const { apiUrl } = inject(APP_CONFIG);
  if (!apiUrl || !request.url.startsWith('/api/')) return next(request);
  return next(request.clone({ url: apiUrl.replace(/\/+$/, '') + request.url }));
};
