import { Component } from '@angular/core';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterOutlet } from '@angular/router';

import { LanguageSwitch } from '../language-switch/language-switch';

/**
 * Frame of the pages reachable without a session (login redirect and callback, session expired,
 * public quote, 404): the brand and the language switch, no navigation (it needs permissions).
 */
@Component({
  selector: 'app-public-layout',
  imports: [MatToolbarModule, RouterOutlet, LanguageSwitch],
  template: `
    <mat-toolbar class="top-bar" role="banner">
      <span class="brand">
        <span class="brand-name">Velosi</span> <span class="brand-suffix">ERP</span>
      </span>
      <span class="spacer"></span>
      <app-language-switch />
    </mat-toolbar>
    <main class="public-content">
      <router-outlet />
    </main>
  `,
  styleUrl: './public-layout.scss',
})
export class PublicLayout {}
