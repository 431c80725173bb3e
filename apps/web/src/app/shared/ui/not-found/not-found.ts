import { Component } from '@angular/core';

import { PlaceholderPage } from '../placeholder-page/placeholder-page';

/** Unknown route inside the shell: say so plainly and offer the way home. */
@Component({
  selector: 'app-not-found',
  imports: [PlaceholderPage],
  template: `<app-placeholder-page testId="not-found" icon="search_off" texts="notFound" />`,
})
export class NotFound {}
