import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { Opportunity, OpportunityStage, OpportunityStageChange } from '@velosi/contracts';
import { Observable, catchError, map, of } from 'rxjs';

import { ConflictNotifier } from '../../shared/sales/conflict-notifier';
import { isClosedStage } from '../../shared/sales/sales-options';
import { OpportunityCloseDialog, OpportunityCloseDialogData } from './opportunity-close-dialog';
import { OpportunitiesApi } from './opportunities-api';

/**
 * Moves an opportunity to a stage (`PATCH /api/opportunities/:id/stage`): directly for an open
 * stage, through the won/lost dialog (reason required) for a closed one. Emits the saved
 * opportunity, or null when the user cancelled or the move failed (already reported).
 */
@Injectable({ providedIn: 'root' })
export class StageChanger {
  private readonly api = inject(OpportunitiesApi);
  private readonly dialog = inject(MatDialog);
  private readonly conflicts = inject(ConflictNotifier);

  move(
    opportunity: Opportunity,
    stage: OpportunityStage,
    reload: () => void,
  ): Observable<Opportunity | null> {
    if (isClosedStage(stage)) {
      // The dialog sends the change itself (and offers the reload on a stale version).
      const data: OpportunityCloseDialogData = { opportunity, stage, reload };
      return this.dialog
        .open<OpportunityCloseDialog, OpportunityCloseDialogData, Opportunity | ''>(OpportunityCloseDialog, {
          data,
          width: '560px',
          maxWidth: '95vw',
        })
        .afterClosed()
        .pipe(map((saved) => saved || null));
    }
    const body: OpportunityStageChange = { version: opportunity.version, stage };
    return this.api.changeStage(opportunity.id, body).pipe(
      catchError((error: unknown) => {
        this.conflicts.handle(error, reload);
        return of(null);
      }),
    );
  }
}
