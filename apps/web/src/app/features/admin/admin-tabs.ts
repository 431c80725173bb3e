import { Component } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

/** The pages of Administration: users, sales targets, service status. */
@Component({
  selector: 'app-admin-tabs',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, TranslocoDirective],
  template: `
    <nav mat-tab-nav-bar [tabPanel]="panel" *transloco="let t" [attr.aria-label]="t('nav.admin')">
      @for (tab of tabs; track tab) {
        <a
          mat-tab-link
          [routerLink]="['/admin', tab]"
          routerLinkActive
          #active="routerLinkActive"
          [active]="active.isActive"
          [attr.data-testid]="'admin-tab-' + tab"
          >{{ t('admin.tabs.' + tab) }}</a
        >
      }
    </nav>
    <mat-tab-nav-panel #panel />
  `,
})
export class AdminTabs {
  protected readonly tabs = ['users', 'targets', 'status'] as const;
}
