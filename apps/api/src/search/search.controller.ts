import { Controller, Get, Query } from '@nestjs/common';
import {
  SearchQuerySchema,
  SearchResultSchema,
  type SearchQuery,
  type SearchResult,
} from '@velosi/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Authenticated } from '../auth/route-access.js';
import { ZodValidationPipe } from '../common/validation.js';
import { Returns } from '../docs/api-docs.decorators.js';
import { SearchService } from './search.service.js';

/**
 * `GET /api/search?q=`: any signed-in user; each record type is searched only with its read
 * permission and visibility (search.service.ts, search.repository.ts).
 */
@Controller('api/search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get()
  @Authenticated()
  @Returns(SearchResultSchema)
  find(
    @CurrentUser() user: AuthUser,
    @Query(new ZodValidationPipe(SearchQuerySchema)) query: SearchQuery,
  ): Promise<SearchResult> {
    return this.search.search(user, query.q);
  }
}
