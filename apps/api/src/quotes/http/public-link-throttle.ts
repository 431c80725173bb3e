import { HttpException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Requests per client IP per minute on the public quote routes. */
const REQUESTS_PER_MINUTE = 120;

/**
 * A light brake on the unauthenticated quote routes. Guessing a 128-bit token is hopeless whatever
 * the rate; this only caps what one address can make the server do (each request reads the
 * database, a PDF request renders one). In-process on purpose: a per-instance budget is enough for
 * that, and it keeps working when Redis is down.
 */
@Injectable()
export class PublicLinkThrottle implements CanActivate {
  private readonly limiter = new RateLimiterMemory({ points: REQUESTS_PER_MINUTE, duration: 60 });

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    try {
      await this.limiter.consume(http.getRequest<FastifyRequest>().ip);
      return true;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      void http.getResponse<FastifyReply>().header('retry-after', Math.ceil(rejection.msBeforeNext / 1000));
      throw new HttpException('Too many requests on quote links; retry shortly.', 429);
    }
  }
}
