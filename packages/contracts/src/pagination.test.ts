import { describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE, PageQuerySchema, sortSchema } from './pagination.js';

describe('list query contracts', () => {
  it('caps page sizes', () => {
    expect(PageQuerySchema.safeParse({ pageSize: String(MAX_PAGE_SIZE + 1) }).success).toBe(false);
    expect(PageQuerySchema.parse({})).toEqual({ page: 1, pageSize: 20 });
  });

  it('accepts only allowlisted sort fields', () => {
    const sort = sortSchema(['createdAt', 'name']);
    expect(sort.parse('name:desc')).toEqual({ field: 'name', direction: 'desc' });
    expect(sort.safeParse('password:asc').success).toBe(false);
    expect(sort.safeParse('name;drop table x').success).toBe(false);
  });
});
