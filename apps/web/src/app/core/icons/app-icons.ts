import { inject, provideAppInitializer, EnvironmentProviders } from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { DomSanitizer } from '@angular/platform-browser';

import adminPanelSettings from '@material-symbols/svg-400/outlined/admin_panel_settings.svg';
import apartment from '@material-symbols/svg-400/outlined/apartment.svg';
import construction from '@material-symbols/svg-400/outlined/construction.svg';
import dashboard from '@material-symbols/svg-400/outlined/dashboard.svg';
import database from '@material-symbols/svg-400/outlined/database.svg';
import error from '@material-symbols/svg-400/outlined/error.svg';
import home from '@material-symbols/svg-400/outlined/home.svg';
import libraryBooks from '@material-symbols/svg-400/outlined/library_books.svg';
import menu from '@material-symbols/svg-400/outlined/menu.svg';
import personSearch from '@material-symbols/svg-400/outlined/person_search.svg';
import refresh from '@material-symbols/svg-400/outlined/refresh.svg';
import requestQuote from '@material-symbols/svg-400/outlined/request_quote.svg';
import searchOff from '@material-symbols/svg-400/outlined/search_off.svg';
import trendingUp from '@material-symbols/svg-400/outlined/trending_up.svg';

/**
 * Icons are bundled SVGs (Material Symbols, Apache-2.0) rather than the Google-hosted icon font:
 * no third-party request, works offline/air-gapped, and only the icons used are shipped.
 * Add an icon here (import + entry) before using `<mat-icon svgIcon="name">`.
 */
const ICONS: Readonly<Record<string, string>> = {
  admin_panel_settings: adminPanelSettings,
  apartment,
  construction,
  dashboard,
  database,
  error,
  home,
  library_books: libraryBooks,
  menu,
  person_search: personSearch,
  refresh,
  request_quote: requestQuote,
  search_off: searchOff,
  trending_up: trendingUp,
};

export function provideAppIcons(): EnvironmentProviders {
  return provideAppInitializer(() => {
    const registry = inject(MatIconRegistry);
    const sanitizer = inject(DomSanitizer);
    for (const [name, markup] of Object.entries(ICONS)) {
      // Trusted: the markup comes from our own bundle, never from user input or the network.
      registry.addSvgIconLiteral(name, sanitizer.bypassSecurityTrustHtml(markup));
    }
  });
}
