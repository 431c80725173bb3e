import { Directive, OnInit, WritableSignal, inject, input } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatSort, Sort } from '@angular/material/sort';

/**
 * `<table mat-table [appListSort]="list">`: the table's MatSort (added by this directive, so no
 * `matSort` attribute) starts from the list's order and writes every header click back to it. The
 * table is recreated whenever the rows come back after an empty or error state, so reading the
 * order once at init is enough; MatSort owns it from then on.
 */
@Directive({
  selector: '[appListSort]',
  hostDirectives: [MatSort],
})
export class ListSort implements OnInit {
  readonly list = input.required<{ readonly sort: WritableSignal<Sort> }>({ alias: 'appListSort' });
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
