import { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

/** `/notifications/preferences`: any signed-in user (the bell lists the notifications themselves). */
export const NOTIFICATIONS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('notifications')],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'preferences' },
      {
        path: 'preferences',
        title: 'nav.notificationPreferences',
        loadComponent: () =>
          import('./notification-preferences-page').then((m) => m.NotificationPreferencesPage),
      },
    ],
  },
];
