import { Controller, Get, Req } from '@nestjs/common';
import { MeResponseSchema, type MeResponse } from '@velosi/contracts';
import { AUTH_CLAIMS_KEY, type AuthenticatedRequest } from '../auth/auth.guard.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Authenticated } from '../auth/route-access.js';
import { Returns } from '../docs/api-docs.decorators.js';
import { UsersService } from './users.service.js';

/**
 * `GET /api/auth/me`: who is signed in, their permissions and their staff profile. Served from
 * users/ (it reads the profile) under auth's path, where the SPA and clients expect it.
 */
@Controller('api/auth')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  @Authenticated()
  @Returns(MeResponseSchema)
  me(@CurrentUser() user: AuthUser, @Req() request: AuthenticatedRequest): Promise<MeResponse> {
    return this.users.me(user, request[AUTH_CLAIMS_KEY]);
  }
}
