import { Injectable } from '@nestjs/common';
import { SEARCH_TYPES, type Permission, type SearchResult, type SearchType } from '@velosi/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import { SearchRepository } from './search.repository.js';

/** The permission that opens each type's list: search offers exactly what the lists do. */
const READ_PERMISSION: Record<SearchType, Permission> = {
  quotes: 'quotes:read',
  clients: 'clients:read',
  contacts: 'clients:read',
  leads: 'leads:read',
  opportunities: 'opportunities:read',
  jobs: 'jobs:read',
  invoices: 'invoices:read',
};

@Injectable()
export class SearchService {
  constructor(private readonly repository: SearchRepository) {}

  async search(user: AuthUser, q: string): Promise<SearchResult> {
    const types = SEARCH_TYPES.filter((type) => user.permissions.includes(READ_PERMISSION[type]));
    const groups = await Promise.all(types.map((type) => this.repository.search(user, type, q)));
    return { groups: groups.filter((group) => group.items.length > 0) };
  }
}
