import { inject } from '@angular/core';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import type { CanDeactivateFn } from '@angular/router';
import { filter, firstValueFrom, merge } from 'rxjs';

import { ConfirmDialog, ConfirmDialogData } from '../ui/confirm-dialog/confirm-dialog';

/** A page holding edits that a navigation would lose (the quote editor). */
export interface HasUnsavedChanges {
  hasUnsavedChanges(): boolean;
}

const LEAVE: ConfirmDialogData = {
  titleKey: 'unsaved.title',
  messageKey: 'unsaved.message',
  confirmKey: 'unsaved.leave',
  destructive: true,
};

/** Asks "leave without saving?"; true when the user chooses to leave. */
export async function confirmDiscard(dialog: MatDialog): Promise<boolean> {
  return (await firstValueFrom(dialog.open(ConfirmDialog, { data: LEAVE }).afterClosed())) === true;
}

/**
 * Route guard (`canDeactivate: [unsavedChangesGuard]`): a navigation away from a page with unsaved
 * edits asks first. A reload or closing the tab is covered by the page's `beforeunload` handler
 * (`warnBeforeUnload`), which only the browser's own prompt can answer.
 */
export const unsavedChangesGuard: CanDeactivateFn<HasUnsavedChanges> = (page) =>
  !page.hasUnsavedChanges() || confirmDiscard(inject(MatDialog));

/** `@HostListener('window:beforeunload', ['$event'])` body: asks the browser to confirm. */
export function warnBeforeUnload(event: BeforeUnloadEvent, unsaved: boolean): void {
  if (!unsaved) return;
  event.preventDefault();
  // Older browsers show the prompt only when returnValue is set.
  event.returnValue = '';
}

/**
 * A form dialog that asks before Escape or a click outside throws away what was typed (the Cancel
 * button stays an explicit discard). Called by DialogSubmit for every sales form dialog.
 */
export function guardDialogClose(
  dialogRef: MatDialogRef<unknown>,
  dialog: MatDialog,
  dirty: () => boolean,
): void {
  dialogRef.disableClose = true;
  const attempts = merge(
    dialogRef.backdropClick(),
    dialogRef.keydownEvents().pipe(filter((event) => event.key === 'Escape')),
  );
  attempts.subscribe(async () => {
    if (!dirty() || (await confirmDiscard(dialog))) dialogRef.close();
  });
}
