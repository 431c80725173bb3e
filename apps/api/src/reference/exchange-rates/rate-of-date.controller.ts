import { Controller, Get, NotFoundException, Query } from '@nestjs/common';
import {
  ExchangeRateRecordSchema,
  RateOfDateQuerySchema,
  type ExchangeRateRecord,
  type RateOfDateQuery,
} from '@velosi/contracts';
import { RequirePermission } from '../../auth/require-permission.decorator.js';
import { ZodValidationPipe } from '../../common/validation.js';
import { Returns } from '../../docs/api-docs.decorators.js';
import { RateOfDate } from './rate-of-date.js';

@Controller('api/exchange-rates')
export class RateOfDateController {
  constructor(private readonly rates: RateOfDate) {}

  /** `?currency=EUR&date=2026-03-02` → the latest EUR rate on or before that day (404 if none). */
  @Get('rate-of')
  @Returns(ExchangeRateRecordSchema)
  @RequirePermission('reference:read')
  async rateOf(
    @Query(new ZodValidationPipe(RateOfDateQuerySchema)) { currency, date }: RateOfDateQuery,
  ): Promise<ExchangeRateRecord> {
    const rate = await this.rates.find(currency, date);
    if (!rate) throw new NotFoundException(`No ${currency} rate on or before ${date}.`);
    return rate;
  }
}
