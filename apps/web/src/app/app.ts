import { Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';

/** Root: only an outlet, so pages outside the shell (e.g. a future login callback) stay possible. */
@Component({
  selector: 'app-root',
  imports: [RouterOutlet],
  template: '<router-outlet />',
})
export class App {}
