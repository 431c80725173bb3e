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

  /**
   * Sorts by `field` (the phone's sort menu, where the headers are hidden): a new field keeps the
   * current direction, the same field flips it. Goes through MatSort, so the headers agree on a
   * wider screen and the list hears it like a header click.
   */
  sortBy(field: string): void {
    const { active, direction } = this.matSort;
    const start = field === active ? (direction === 'asc' ? 'desc' : 'asc') : direction || 'asc';
    // A new `active` starts at `start`; the same one would cycle, so it is cleared first.
    this.matSort.active = '';
    this.matSort.sort({ id: field, start, disableClear: true });
  }

  ngOnInit(): void {
    const { active, direction } = this.list().sort();
    this.matSort.active = active;
    this.matSort.direction = direction;
  }
}
