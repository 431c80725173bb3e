import { inject } from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { DomSanitizer } from '@angular/platform-browser';

import add from '@material-symbols/svg-400/outlined/add.svg';
import alarm from '@material-symbols/svg-400/outlined/alarm.svg';
import archive from '@material-symbols/svg-400/outlined/archive.svg';
import arrowBack from '@material-symbols/svg-400/outlined/arrow_back.svg';
import call from '@material-symbols/svg-400/outlined/call.svg';
import cancel from '@material-symbols/svg-400/outlined/cancel.svg';
import contacts from '@material-symbols/svg-400/outlined/contacts.svg';
import deleteIcon from '@material-symbols/svg-400/outlined/delete.svg';
import directionsWalk from '@material-symbols/svg-400/outlined/directions_walk.svg';
import dragIndicator from '@material-symbols/svg-400/outlined/drag_indicator.svg';
import editNote from '@material-symbols/svg-400/outlined/edit_note.svg';
import event from '@material-symbols/svg-400/outlined/event.svg';
import groups from '@material-symbols/svg-400/outlined/groups.svg';
import history from '@material-symbols/svg-400/outlined/history.svg';
import mail from '@material-symbols/svg-400/outlined/mail.svg';
import moreVert from '@material-symbols/svg-400/outlined/more_vert.svg';
import person from '@material-symbols/svg-400/outlined/person.svg';
import schedule from '@material-symbols/svg-400/outlined/schedule.svg';
import star from '@material-symbols/svg-400/outlined/star.svg';
import stickyNote from '@material-symbols/svg-400/outlined/sticky_note_2.svg';
import swapHoriz from '@material-symbols/svg-400/outlined/swap_horiz.svg';
import tableRows from '@material-symbols/svg-400/outlined/table_rows.svg';
import taskAlt from '@material-symbols/svg-400/outlined/task_alt.svg';
import unarchive from '@material-symbols/svg-400/outlined/unarchive.svg';
import viewKanban from '@material-symbols/svg-400/outlined/view_kanban.svg';
import warning from '@material-symbols/svg-400/outlined/warning.svg';

/**
 * Icons of the sales pages (leads, opportunities, activities, clients, quotes). Registered from
 * the lazy chunks that use them rather than in core/icons: the initial bundle does not carry
 * them, and the sales features do not all edit one shared file.
 */
const SALES_ICONS: Readonly<Record<string, string>> = {
  add,
  alarm,
  archive,
  arrow_back: arrowBack,
  call,
  cancel,
  contacts,
  delete: deleteIcon,
  directions_walk: directionsWalk,
  drag_indicator: dragIndicator,
  edit_note: editNote,
  event,
  groups,
  history,
  mail,
  more_vert: moreVert,
  person,
  schedule,
  star,
  sticky_note_2: stickyNote,
  swap_horiz: swapHoriz,
  table_rows: tableRows,
  task_alt: taskAlt,
  unarchive,
  view_kanban: viewKanban,
  warning,
};

const registered = new WeakMap<MatIconRegistry, Set<Readonly<Record<string, string>>>>();

/**
 * Registers a lazy feature's icon set once per registry. Call in an injection context (a
 * component constructor or field initialiser): `registerIconSet(REFERENCE_ICONS);`.
 */
export function registerIconSet(icons: Readonly<Record<string, string>>): void {
  const registry = inject(MatIconRegistry);
  const done = registered.get(registry) ?? new Set();
  if (done.has(icons)) return;
  const sanitizer = inject(DomSanitizer);
  for (const [name, markup] of Object.entries(icons)) {
    // Trusted: the markup comes from our own bundle, never from user input or the network.
    registry.addSvgIconLiteral(name, sanitizer.bypassSecurityTrustHtml(markup));
  }
  registered.set(registry, done.add(icons));
}

/** Registers the sales icons once per registry (see registerIconSet). */
export function registerSalesIcons(): void {
  registerIconSet(SALES_ICONS);
}
