import { Directive, OnInit, WritableSignal, inject, input } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatSort, Sort } from '@angular/material/sort';

/** A list whose order the table's headers set. */
export interface SortedList {
  readonly sort: WritableSignal<Sort>;
}

/**
 * `<table mat-table [appListSort]="list">`, or a ListTable (which carries this directive): the
 * MatSort (added by this directive, so no `matSort` attribute) starts from the list's order and
 * writes every header click back to it. Reading the order once at init is enough: MatSort owns it
 * from then on (a bare table is recreated whenever its rows come back; ListTable's host stays).
 */
@Directive({
  selector: '[appListSort]',
  hostDirectives: [MatSort],
})
export class ListSort implements OnInit {
  readonly list = input.required<SortedList>({ alias: 'appListSort' });
  private readonly matSort = inject(MatSort);

  constructor() {
    this.matSort.sortChange.pipe(takeUntilDestroyed()).subscribe((sort) => this.list().sort.set(sort));
  }

  ngOnInit(): void {
    const { active, direction } = this.list().sort();
    this.matSort.active = active;
    this.matSort.direction = direction;
  }
}
