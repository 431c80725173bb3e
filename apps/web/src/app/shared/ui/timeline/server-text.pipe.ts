import { Pipe, PipeTransform } from '@angular/core';

import { Translate, serverText } from './history-words';

/**
 * A text the server wrote into a record (e.g. the won reason "Quote Q2026-00042 accepted"), said
 * in the reader's language: `{{ o.closeReason | serverText: t }}`. Other texts pass unchanged.
 */
@Pipe({ name: 'serverText' })
export class ServerTextPipe implements PipeTransform {
  transform(text: string | null | undefined, t: Translate): string {
    return text ? serverText(text, t) : '';
  }
}
