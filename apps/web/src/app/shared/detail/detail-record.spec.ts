import { describe, expect, it } from 'vitest';

import { loadRetryable } from './detail-record';

describe('loadRetryable: Retry only where loading again may work', () => {
  it('not for a record that is not there for this user', () => {
    expect(loadRetryable(404)).toBe(false);
    expect(loadRetryable(403)).toBe(false);
  });

  it('yes for a server error, no answer, or an unreadable answer', () => {
    expect(loadRetryable(500)).toBe(true);
    expect(loadRetryable(503)).toBe(true);
    expect(loadRetryable(0)).toBe(true);
    expect(loadRetryable(-1)).toBe(true);
  });
});
