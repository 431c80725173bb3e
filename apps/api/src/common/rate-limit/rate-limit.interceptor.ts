import {
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import type { Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../../auth/auth.guard.js';
import { AUTH_USER_KEY } from '../../auth/current-user.decorator.js';
import { RATE_BUDGET_KEY } from './rate-budget.decorator.js';
import { RequestBudgets, type BudgetName } from './request-budgets.js';

/**
 * Per-user budgets, after the guard has said who is calling (interceptors run after guards): the
 * user's general budget, plus the route's own (`@RateBudget`) keyed by user — or by address on a
 * public route. The per-address budget on all of /api is spent earlier, before authentication
 * (rate-limit.module.ts), so floods of bad tokens are counted too.
 */
@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Inject(RequestBudgets) private readonly budgets: RequestBudgets,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const user = request[AUTH_USER_KEY];
    const routeBudget = this.reflector.getAllAndOverride<BudgetName | undefined>(RATE_BUDGET_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const who = user ? `user:${user.sub}` : `ip:${request.ip}`;
    const waits = await Promise.all([
      user ? this.budgets.spend('user', who) : 0,
      routeBudget ? this.budgets.spend(routeBudget, who) : 0,
    ]);
    const wait = Math.max(...waits);
    if (wait > 0) {
      void http.getResponse<FastifyReply>().header('retry-after', String(wait));
      throw new HttpException('Too many requests; retry shortly.', HttpStatus.TOO_MANY_REQUESTS);
    }
    return next.handle();
  }
}
