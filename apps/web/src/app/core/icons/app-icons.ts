import { inject, provideAppInitializer, EnvironmentProviders } from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { DomSanitizer } from '@angular/platform-browser';

import accountBalance from '@material-symbols/svg-400/outlined/account_balance.svg';
import adminPanelSettings from '@material-symbols/svg-400/outlined/admin_panel_settings.svg';
import arrowDownward from '@material-symbols/svg-400/outlined/arrow_downward.svg';
import arrowUpward from '@material-symbols/svg-400/outlined/arrow_upward.svg';
import apartment from '@material-symbols/svg-400/outlined/apartment.svg';
import block from '@material-symbols/svg-400/outlined/block.svg';
import check from '@material-symbols/svg-400/outlined/check.svg';
import checkCircle from '@material-symbols/svg-400/outlined/check_circle.svg';
import construction from '@material-symbols/svg-400/outlined/construction.svg';
import dashboard from '@material-symbols/svg-400/outlined/dashboard.svg';
import database from '@material-symbols/svg-400/outlined/database.svg';
import devices from '@material-symbols/svg-400/outlined/devices.svg';
import edit from '@material-symbols/svg-400/outlined/edit.svg';
import filterAltOff from '@material-symbols/svg-400/outlined/filter_alt_off.svg';
import filterList from '@material-symbols/svg-400/outlined/filter_list.svg';
import folderOpen from '@material-symbols/svg-400/outlined/folder_open.svg';
import error from '@material-symbols/svg-400/outlined/error.svg';
import event from '@material-symbols/svg-400/outlined/event.svg';
import home from '@material-symbols/svg-400/outlined/home.svg';
import libraryBooks from '@material-symbols/svg-400/outlined/library_books.svg';
import linkOff from '@material-symbols/svg-400/outlined/link_off.svg';
import lock from '@material-symbols/svg-400/outlined/lock.svg';
import lockReset from '@material-symbols/svg-400/outlined/lock_reset.svg';
import login from '@material-symbols/svg-400/outlined/login.svg';
import logout from '@material-symbols/svg-400/outlined/logout.svg';
import menu from '@material-symbols/svg-400/outlined/menu.svg';
import payments from '@material-symbols/svg-400/outlined/payments.svg';
import personAdd from '@material-symbols/svg-400/outlined/person_add.svg';
import personSearch from '@material-symbols/svg-400/outlined/person_search.svg';
import policy from '@material-symbols/svg-400/outlined/policy.svg';
import refresh from '@material-symbols/svg-400/outlined/refresh.svg';
import receiptLong from '@material-symbols/svg-400/outlined/receipt_long.svg';
import requestQuote from '@material-symbols/svg-400/outlined/request_quote.svg';
import search from '@material-symbols/svg-400/outlined/search.svg';
import searchOff from '@material-symbols/svg-400/outlined/search_off.svg';
import translate from '@material-symbols/svg-400/outlined/translate.svg';
import trendingUp from '@material-symbols/svg-400/outlined/trending_up.svg';
import visibility from '@material-symbols/svg-400/outlined/visibility.svg';
import visibilityOff from '@material-symbols/svg-400/outlined/visibility_off.svg';

/**
 * Icons are bundled SVGs (Material Symbols, Apache-2.0) rather than the Google-hosted icon font:
 * no third-party request, works offline/air-gapped, and only the icons used are shipped.
 * Add an icon here (import + entry) before using `<mat-icon svgIcon="name">`.
 */
const ICONS: Readonly<Record<string, string>> = {
  account_balance: accountBalance,
  admin_panel_settings: adminPanelSettings,
  apartment,
  arrow_downward: arrowDownward,
  arrow_upward: arrowUpward,
  block,
  check,
  check_circle: checkCircle,
  construction,
  dashboard,
  database,
  devices,
  edit,
  error,
  event,
  filter_alt_off: filterAltOff,
  filter_list: filterList,
  folder_open: folderOpen,
  home,
  library_books: libraryBooks,
  link_off: linkOff,
  lock,
  lock_reset: lockReset,
  login,
  logout,
  menu,
  payments,
  person_add: personAdd,
  person_search: personSearch,
  policy,
  refresh,
  receipt_long: receiptLong,
  request_quote: requestQuote,
  search,
  search_off: searchOff,
  translate,
  trending_up: trendingUp,
  visibility,
  visibility_off: visibilityOff,
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
