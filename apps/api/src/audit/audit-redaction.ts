/**
 * What an administrator may read of a stored before/after. Writers already leave passwords out
 * (see UsersService); this is the second line: any field whose name looks like a credential is
 * masked, however deep, so a future writer's slip does not reach the audit page or its CSV.
 */
const SECRET_KEY = /password|passwd|secret|token|credential|apikey|privatekey|^t?otp$/;
export const MASK = '***';

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) =>
      // `temporaryPassword: true` says how a password was set, not what it is: booleans stay.
      SECRET_KEY.test(key.toLowerCase().replace(/[-_]/g, '')) && typeof inner !== 'boolean'
        ? [key, MASK]
        : [key, redact(inner)],
    ),
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Top-level fields that differ between before and after (every field present on one side only). */
export function changedFields(before: unknown, after: unknown): string[] {
  const a = isRecord(before) ? before : {};
  const b = isRecord(after) ? after : {};
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key])).sort();
}
