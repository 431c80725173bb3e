import { Controller, Get } from '@nestjs/common';
import { CountryListSchema, CurrencyListSchema, type Country, type Currency } from '@velosi/contracts';
import { RequirePermission } from '../../auth/require-permission.decorator.js';
import { Returns } from '../../docs/api-docs.decorators.js';
import { isoCountries, isoCurrencies } from './iso-lists.js';

/** The ISO lists behind every country and currency picker (a few hundred rows: the SPA filters them). */
@Controller('api')
export class CountriesController {
  @Get('countries')
  @Returns(CountryListSchema)
  @RequirePermission('reference:read')
  countries(): Country[] {
    return isoCountries();
  }

  @Get('currencies')
  @Returns(CurrencyListSchema)
  @RequirePermission('reference:read')
  currencies(): Currency[] {
    return isoCurrencies();
  }
}
