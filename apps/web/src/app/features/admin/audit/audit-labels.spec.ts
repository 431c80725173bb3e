import { describe, expect, it } from 'vitest';
import en from '../../../../../public/i18n/audit/en.json';
import fr from '../../../../../public/i18n/audit/fr.json';
import { auditLabel } from './audit-labels';

/** Transloco's answer: the translation, else the key path (its default missing-key handler). */
const translatorOf =
  (words: { actions: Record<string, string>; entities: Record<string, string> }) =>
  (path: string): string => {
    const [, vocabulary = '', key = ''] = path.split('.');
    const list: Record<string, string> | undefined =
      vocabulary === 'actions' ? words.actions : vocabulary === 'entities' ? words.entities : undefined;
    return list?.[key] ?? path;
  };

describe('auditLabel: actions and objects in words, raw key as fallback', () => {
  it('translates a known action and object in both languages', () => {
    expect(auditLabel(translatorOf(en), 'actions', 'login_failed')).toBe('Refused sign-in');
    expect(auditLabel(translatorOf(fr), 'actions', 'stage_change')).toBe("Changement d'étape");
    expect(auditLabel(translatorOf(en), 'entities', 'exchange_rate')).toBe('Exchange rate');
    expect(auditLabel(translatorOf(fr), 'entities', 'job')).toBe('Dossier');
  });

  it('shows an unknown key as stored', () => {
    expect(auditLabel(translatorOf(en), 'actions', 'teleport')).toBe('teleport');
    expect(auditLabel(translatorOf(fr), 'entities', 'spaceship')).toBe('spaceship');
    expect(auditLabel(translatorOf(fr), 'entities', '')).toBe('');
  });

  it('French and English name the same actions and objects', () => {
    expect(Object.keys(fr.actions).sort()).toEqual(Object.keys(en.actions).sort());
    expect(Object.keys(fr.entities).sort()).toEqual(Object.keys(en.entities).sort());
  });
});
