import { BreakpointObserver } from '@angular/cdk/layout';
import { Component, ElementRef, computed, inject, linkedSignal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { filter, map } from 'rxjs';

import { SessionStore } from '../../core/auth/session.store';
import { NotificationBell } from '../../features/notifications/notification-bell';
import { GlobalSearch } from '../../features/search/global-search';
import { LanguageSwitch } from '../language-switch/language-switch';
import { currentNavPath, visibleNavItems } from '../nav-items';
import { UserMenu } from '../user-menu/user-menu';

/** Below this width the side navigation becomes an overlay opened from the menu button. */
const NARROW_SCREEN = '(max-width: 959.98px)';

/** Application frame: top bar, side navigation and the routed page. */
@Component({
  selector: 'app-shell',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatListModule,
    MatSidenavModule,
    MatToolbarModule,
    RouterLink,
    RouterOutlet,
    TranslocoDirective,
    LanguageSwitch,
    UserMenu,
    GlobalSearch,
    NotificationBell,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  private readonly breakpoints = inject(BreakpointObserver);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  protected readonly isNarrow = toSignal(
    this.breakpoints.observe(NARROW_SCREEN).pipe(map((s) => s.matches)),
    {
      initialValue: this.breakpoints.isMatched(NARROW_SCREEN),
    },
  );
  /** Open beside the content on wide screens; closed overlay on narrow ones (reset on resize). */
  protected readonly navOpen = linkedSignal(() => !this.isNarrow());

  private readonly session = inject(SessionStore);

  /** Only the sections the signed-in user may open (the routes are guarded the same way). */
  protected readonly navItems = computed(() => visibleNavItems(this.session.permissions()));

  private readonly router = inject(Router);
  /**
   * The one entry marked as the current page. `routerLinkActive` would also mark a parent entry
   * (Administration on the audit log, whose path nests under `/admin`).
   */
  protected readonly currentPath = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map((event) => currentNavPath(event.urlAfterRedirects)),
    ),
    { initialValue: currentNavPath(this.router.url) },
  );

  protected afterNavigate(): void {
    if (this.isNarrow()) this.navOpen.set(false);
  }

  /**
   * A plain `href="#main-content"` would be resolved against `<base href>` and leave the current
   * route, so move focus ourselves.
   */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}
