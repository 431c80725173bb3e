import { bootstrapApplication } from '@angular/platform-browser';

import { App } from './app/app';
import { appConfig } from './app/app.config';
import { loadAppConfig } from './app/core/config/app-config';

/**
 * Shown when the app cannot start (config.json missing or invalid). Translations are not loaded at
 * that point, so the message is bilingual; built with DOM APIs, no HTML injection.
 */
function showBootError(error: unknown): void {
  console.error(error);
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.className = 'boot-error';
  const title = document.createElement('h1');
  title.textContent = 'Velosi ERP';
  const message = document.createElement('p');
  message.textContent =
    "L'application n'a pas pu démarrer (configuration indisponible). / The application could not start (configuration unavailable).";
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.textContent = 'Réessayer / Retry';
  retry.addEventListener('click', () => location.reload());
  box.append(title, message, retry);
  document.body.replaceChildren(box);
}

loadAppConfig()
  .then((runtime) => bootstrapApplication(App, appConfig(runtime)))
  .catch(showBootError);
