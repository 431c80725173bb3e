import { afterNextRender, ElementRef, inject, Injector } from '@angular/core';

/** The fields a form marks in error: Angular's class on controls, ARIA on custom fields. */
const INVALID_FIELD =
  'input.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid, input[aria-invalid="true"]';

/**
 * Returns a function that, once the template shows a refused form's errors, brings the first field
 * in error into the middle of the screen and puts the cursor in it. On a phone the field is often
 * below the fold, and the message alone left users looking for it.
 * Call it in a field initializer (it injects the component's host):
 * `private readonly focusInvalid = invalidFieldFocus();` then `this.focusInvalid()` on refusal.
 * `fallback` names what to focus when no field is marked (e.g. an "add a line" button).
 */
export function invalidFieldFocus(): (fallback?: string) => void {
  const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  const injector = inject(Injector);
  const reveal = (field: HTMLElement) => {
    field.scrollIntoView({ block: 'center' });
    field.focus({ preventScroll: true });
  };
  // A field on a tab just selected is attached a few frames later (the tab body animates in).
  const seek = (fallback: string | undefined, framesLeft: number): void => {
    const field = host.querySelector<HTMLElement>(INVALID_FIELD);
    if (field) reveal(field);
    else if (framesLeft > 0) requestAnimationFrame(() => seek(fallback, framesLeft - 1));
    else if (fallback) {
      const other = host.querySelector<HTMLElement>(fallback);
      if (other) reveal(other);
    }
  };
  return (fallback) => afterNextRender(() => seek(fallback, 30), { injector });
}
