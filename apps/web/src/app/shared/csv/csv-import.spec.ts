import { describe, expect, it } from 'vitest';
import fr from '../../../../public/i18n/csv/fr.json';
import { reasonWords } from './csv-import';

/** The French sentence of a refused field, as the dialog shows it. */
function french(error: Parameters<typeof reasonWords>[0]): string {
  const words = reasonWords(error);
  if (!words) return error.reason;
  const template = (fr.import.reasons as Record<string, string>)[words.key] ?? words.key;
  return template.replace(/\{\{ (\w+) \}\}/g, (_, name: string) => String(words.params[name]));
}

describe('reasonWords: a refused field in the user’s language', () => {
  it('words the contract’s checks with their bounds', () => {
    expect(
      french({
        reason: 'Invalid option: expected one of "seaport"|"airport"',
        code: 'invalid_value',
        params: { values: 'seaport, airport' },
      }),
    ).toBe('valeur non reconnue (attendu : seaport, airport)');
    expect(french({ reason: 'x', code: 'invalid_type', params: { expected: 'number' } })).toBe(
      'nombre attendu',
    );
    expect(french({ reason: 'x', code: 'too_big', params: { origin: 'string', maximum: 200 } })).toBe(
      'trop long (200 caractères au plus)',
    );
    expect(french({ reason: 'x', code: 'too_big', params: { origin: 'number', maximum: 90 } })).toBe(
      'doit être au plus 90',
    );
    expect(french({ reason: 'x', code: 'too_small', params: { origin: 'string', minimum: 1 } })).toBe(
      'obligatoire',
    );
    expect(french({ reason: 'expected a UN/LOCODE (TNRDS)', code: 'invalid_format' })).toBe(
      'format non valide',
    );
  });

  it('words the reasons every import meets; keeps any other as the API wrote it', () => {
    expect(french({ reason: 'required' })).toBe('obligatoire');
    expect(french({ reason: 'already used by another record' })).toBe('déjà utilisé par une autre fiche');
    expect(french({ reason: 'only one primary contact per client (line 3 is)' })).toBe(
      'only one primary contact per client (line 3 is)',
    );
  });
});
