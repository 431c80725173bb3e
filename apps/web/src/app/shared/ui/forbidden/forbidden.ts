import { Component } from '@angular/core';

import { PlaceholderPage } from '../placeholder-page/placeholder-page';

/**
 * A section the signed-in user's roles do not open (permission guard). Shown without changing the
 * address bar, so the user can tell an administrator which page they needed.
 */
@Component({
  selector: 'app-forbidden',
  imports: [PlaceholderPage],
  template: `<app-placeholder-page testId="forbidden" icon="block" texts="forbidden" />`,
})
export class Forbidden {}
