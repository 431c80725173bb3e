import { inject } from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { DomSanitizer } from '@angular/platform-browser';

import arrowDownward from '@material-symbols/svg-400/outlined/arrow_downward.svg';
import arrowUpward from '@material-symbols/svg-400/outlined/arrow_upward.svg';
import autorenew from '@material-symbols/svg-400/outlined/autorenew.svg';
import call from '@material-symbols/svg-400/outlined/call.svg';
import cancel from '@material-symbols/svg-400/outlined/cancel.svg';
import contentCopy from '@material-symbols/svg-400/outlined/content_copy.svg';
import download from '@material-symbols/svg-400/outlined/download.svg';
import link from '@material-symbols/svg-400/outlined/link.svg';
import openInNew from '@material-symbols/svg-400/outlined/open_in_new.svg';
import pictureAsPdf from '@material-symbols/svg-400/outlined/picture_as_pdf.svg';
import save from '@material-symbols/svg-400/outlined/save.svg';
import scale from '@material-symbols/svg-400/outlined/scale.svg';
import send from '@material-symbols/svg-400/outlined/send.svg';
import thumbDown from '@material-symbols/svg-400/outlined/thumb_down.svg';
import thumbUp from '@material-symbols/svg-400/outlined/thumb_up.svg';

/** Icons of the quote pages beyond the shared sales set (registered from the lazy chunks). */
const QUOTE_ICONS: Readonly<Record<string, string>> = {
  arrow_downward: arrowDownward,
  arrow_upward: arrowUpward,
  autorenew,
  // The salesperson's phone on the public page.
  call,
  cancel,
  content_copy: contentCopy,
  download,
  link,
  open_in_new: openInNew,
  picture_as_pdf: pictureAsPdf,
  save,
  scale,
  send,
  thumb_down: thumbDown,
  thumb_up: thumbUp,
};

const registered = new WeakSet<MatIconRegistry>();

/** Registers the quote icons once per registry; call in an injection context. */
export function registerQuoteIcons(): void {
  const registry = inject(MatIconRegistry);
  if (registered.has(registry)) return;
  const sanitizer = inject(DomSanitizer);
  for (const [name, markup] of Object.entries(QUOTE_ICONS)) {
    // Trusted: the markup comes from our own bundle, never from user input or the network.
    registry.addSvgIconLiteral(name, sanitizer.bypassSecurityTrustHtml(markup));
  }
  registered.add(registry);
}
