import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, withComponentInputBinding, withNavigationErrorHandler } from '@angular/router';

import { routes } from './app.routes';
import { provideOidcAuth } from './core/auth/auth.providers';
import { APP_CONFIG, AppConfig } from './core/config/app-config';
import { apiUrlInterceptor } from './core/http/api-url.interceptor';
import { authInterceptor } from './core/http/auth.interceptor';
import { provideI18n } from './core/i18n/i18n.providers';
import { reloadOnStaleChunk } from './core/router/stale-chunk';
import { provideAppIcons } from './core/icons/app-icons';
import { provideDecimalLanguage } from './shared/forms/decimal-language-input';

/** Providers of the application, given the runtime settings fetched before bootstrap. */
export function appConfig(runtime: AppConfig): ApplicationConfig {
  return {
    providers: [
      provideBrowserGlobalErrorListeners(),
      // Zoneless (no zone.js): change detection runs from signals, events and async pipes. Components
      // do not declare a strategy: OnPush is Angular 22's default.
      provideZonelessChangeDetection(),
      { provide: APP_CONFIG, useValue: runtime },
      // Order matters: the API base URL is applied first, so the auth interceptor sees final URLs.
      provideHttpClient(withFetch(), withInterceptors([apiUrlInterceptor, authInterceptor])),
      provideOidcAuth(),
      // Input binding: route data (e.g. a page's titleKey) arrives as component inputs.
      // A tab opened before a deployment reloads the page it goes to instead of staying put.
      provideRouter(
        routes,
        withComponentInputBinding(),
        withNavigationErrorHandler((e) => reloadOnStaleChunk(e)),
      ),
      provideI18n(),
      // A language switch rewrites the decimals typed in every form (33,250 ↔ 33.250).
      provideDecimalLanguage(),
      provideAppIcons(),
    ],
  };
}
