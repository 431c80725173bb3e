import { QuoteCreateSchema, QuoteSchema, QuoteUpdateSchema, type Quote } from '@velosi/contracts';
import { computeQuoteTotals } from '@velosi/contracts/quote-math';
import { describe, expect, it } from 'vitest';
import {
  contactFor,
  fromOpportunity,
  applyQuoteErrors,
  createBody,
  fillForm,
  invalidPaths,
  lineComputable,
  lineGroup,
  quoteForm,
  totalsInput,
  updateBody,
} from './quote-form';

const CLIENT = '0b6f1d8e-3c2a-4f6e-9a51-2d7c8e9f0a1b';
const USER = '5e0c2b7a-1d3f-4a8b-9c6d-7e8f9a0b1c2d';

/** A filled Radès → Marseille form, the way a French user types: commas, spaces, lower case codes. */
function filledForm() {
  const form = quoteForm([USER]);
  form.patchValue({
    clientId: CLIENT,
    title: 'Huile d’olive vers Marseille',
    mode: 'sea_fcl',
    direction: 'export',
    originCode: 'tnrds',
    destinationCode: 'frmrs',
    grossWeightKg: '18 500,5',
    currency: 'EUR',
    exchangeRate: '3,412',
  });
  form.controls.items.push(
    lineGroup({
      description: 'Fret maritime',
      quantity: '2',
      buyUnitPrice: '1 100,5',
      sellUnitPrice: '1 350',
      currency: 'EUR',
      exchangeRate: '3,412',
    }),
  );
  form.controls.items.push(
    lineGroup({
      kind: 'additional_cost',
      description: 'Droits de douane',
      quantity: '1',
      buyUnitPrice: '820,250',
      sellUnitPrice: '999',
      isDisbursement: true,
      vatRate: 19,
    }),
  );
  return form;
}

describe('quote form → API bodies', () => {
  it('the create body is what the contract accepts, decimals in the contract form', () => {
    const form = filledForm();
    expect(form.valid, invalidPaths(form).join()).toBe(true);
    const body = QuoteCreateSchema.parse(createBody(form.getRawValue()));
    expect(body).toMatchObject({
      clientId: CLIENT,
      origin: { locationCode: 'TNRDS' },
      destination: { locationCode: 'FRMRS' },
      grossWeightKg: '18500.5',
      currency: 'EUR',
      exchangeRate: '3.412',
      assignedTo: [USER],
    });
    expect(body.items[0]).toMatchObject({
      quantity: '2',
      buyUnitPrice: '1100.5',
      sellUnitPrice: '1350',
      exchangeRate: '3.412',
    });
  });

  it('a débours line is billed at cost, without VAT, whatever was typed in its sell price', () => {
    const body = createBody(filledForm().getRawValue());
    expect(body.items?.[1]).toMatchObject({
      isDisbursement: true,
      sellUnitPrice: '820.250',
      buyUnitPrice: '820.250',
      vatRate: 0,
    });
  });

  it('a lead quote sends the lead, never a client or a contact', () => {
    const form = filledForm();
    form.patchValue({ partyKind: 'lead', leadId: CLIENT, contactId: USER });
    const body = createBody(form.getRawValue());
    expect(body).toMatchObject({ leadId: CLIENT, contactId: null });
    expect(body).not.toHaveProperty('clientId');
  });

  it('a TND quote sends no exchange rate even if one was typed before switching', () => {
    const form = filledForm();
    form.patchValue({ currency: 'TND' });
    expect(updateBody(form.getRawValue(), 4)).toMatchObject({
      currency: 'TND',
      exchangeRate: null,
      version: 4,
    });
    expect(QuoteUpdateSchema.safeParse(updateBody(form.getRawValue(), 4)).error?.issues ?? []).toEqual([]);
  });
});

describe('live totals use the same code and inputs as the API', () => {
  it('totals of the typed lines equal the totals of the body the API receives', () => {
    const form = filledForm();
    const lines = form.getRawValue().items.map(totalsInput);
    expect(lines.every(lineComputable)).toBe(true);
    const body = QuoteCreateSchema.parse(createBody(form.getRawValue()));
    const live = computeQuoteTotals(lines, {
      currency: 'EUR',
      exchangeRate: '3.412',
    });
    const sent = computeQuoteTotals(body.items, {
      currency: 'EUR',
      exchangeRate: '3.412',
    });
    expect(live).toEqual(sent);
    expect(live.totals.disbursementsTnd).toBe('820.250');
  });

  it('a line the math cannot read yet (empty price, zero quantity, bad rate) is left out, not thrown', () => {
    expect(
      lineComputable(totalsInput(lineGroup({ sellUnitPrice: '', buyUnitPrice: '1' }).getRawValue())),
    ).toBe(false);
    expect(
      lineComputable(
        totalsInput(lineGroup({ quantity: '0', buyUnitPrice: '1', sellUnitPrice: '2' }).getRawValue()),
      ),
    ).toBe(false);
    expect(
      lineComputable(
        totalsInput(
          lineGroup({
            currency: 'USD',
            exchangeRate: '0',
            buyUnitPrice: '1',
            sellUnitPrice: '2',
          }).getRawValue(),
        ),
      ),
    ).toBe(false);
  });
});

describe('stored quote ↔ form', () => {
  it('filling the form from a quote and saving sends the same quote back', () => {
    const stored = QuoteCreateSchema.parse(createBody(filledForm().getRawValue()));
    const quote = {
      ...stored,
      items: stored.items.map((item, position) => ({ ...item, position })),
    } as unknown as Quote;
    for (const lang of ['fr', 'en']) {
      const form = quoteForm();
      fillForm(form, quote, lang);
      const again = QuoteCreateSchema.parse(createBody(form.getRawValue()));
      expect(again).toEqual(stored);
    }
  });

  it('writes the stored decimals the French way: prices keep their decimals, measures lose the padding', () => {
    const stored = QuoteCreateSchema.parse(createBody(filledForm().getRawValue()));
    const [first, ...rest] = stored.items;
    const line = { ...first!, quantity: '2.500', sellUnitPrice: '12345678901.567', buyUnitPrice: '1000.000' };
    const quote = {
      ...stored,
      grossWeightKg: '2400.000',
      volumeM3: '12.500',
      currency: 'EUR',
      exchangeRate: '3.412500',
      items: [line, ...rest].map((item, position) => ({ ...item, position })),
    } as unknown as Quote;
    const form = quoteForm();
    fillForm(form, quote, 'fr');
    const value = form.getRawValue();
    expect(value).toMatchObject({ grossWeightKg: '2400', volumeM3: '12,5', exchangeRate: '3,4125' });
    expect(value.items[0]).toMatchObject({
      quantity: '2,5',
      buyUnitPrice: '1000,000',
      sellUnitPrice: '12345678901,567',
    });
    const body = createBody(value);
    expect(body).toMatchObject({ grossWeightKg: '2400', volumeM3: '12.5', exchangeRate: '3.4125' });
    expect(body.items?.[0]).toMatchObject({
      quantity: '2.5',
      buyUnitPrice: '1000.000',
      sellUnitPrice: '12345678901.567',
    });
  });

  it('fills the lines in their stored order', () => {
    const stored = QuoteCreateSchema.parse(createBody(filledForm().getRawValue()));
    const items = stored.items.map((item, i) => ({ ...item, position: 1 - i }));
    const form = quoteForm();
    fillForm(form, { ...stored, items } as unknown as Quote, 'fr');
    expect(form.getRawValue().items.map((l) => l.description)).toEqual(['Droits de douane', 'Fret maritime']);
  });
});

describe('API errors land on the field they name', () => {
  it('line cells, flattened route points, and unmatched errors returned for the banner', () => {
    const form = filledForm();
    const unmatched = applyQuoteErrors(form, [
      { field: 'items.1.sellUnitPrice', message: 'too large' },
      { field: 'origin.locationCode', message: 'unknown port' },
      { field: 'items.0', message: 'duplicate line' },
      { field: 'nowhere', message: 'lost' },
    ]);
    expect(form.controls.items.at(1).controls.sellUnitPrice.errors).toMatchObject({ server: 'too large' });
    expect(form.controls.originCode.errors).toMatchObject({ server: 'unknown port' });
    expect(form.controls.items.at(0).controls.kind.errors).toMatchObject({ server: 'duplicate line' });
    expect(unmatched).toEqual([{ field: 'nowhere', message: 'lost' }]);
    expect(invalidPaths(form)).toEqual(['originCode', 'items.0.kind', 'items.1.sellUnitPrice']);
  });

  it('an empty form names the required fields, never "(form)"', () => {
    const form = quoteForm();
    form.patchValue({ validUntil: '' });
    expect(invalidPaths(form)).toEqual(['title', 'originCode', 'destinationCode', 'validUntil']);
  });
});

describe('each end of the route needs a place code or an address (as RoutePointSchema)', () => {
  it('an empty leg flags its code; an address or a code clears it, on either control', () => {
    const form = quoteForm();
    expect(form.controls.originCode.errors).toEqual({ routePoint: true });
    form.controls.originAddress.setValue('Zone industrielle, Sfax');
    expect(form.controls.originCode.errors).toBeNull();
    form.controls.originAddress.setValue('  ');
    expect(form.controls.originCode.errors).toEqual({ routePoint: true });
    form.controls.originCode.setValue('tnrds');
    expect(form.controls.originCode.errors).toBeNull();
    expect(form.controls.destinationCode.errors).toEqual({ routePoint: true });
  });

  it("the API's route point error becomes the translated key, not its English text", () => {
    const form = filledForm();
    const unmatched = applyQuoteErrors(form, [
      { field: 'destination', message: 'give a port/airport code or an address' },
    ]);
    expect(unmatched).toEqual([]);
    expect(form.controls.destinationCode.errors).toEqual({ routePoint: true });
  });
});

it('QuoteSchema is the read shape the form is filled from (guards the cast above)', () => {
  expect(QuoteSchema.shape.items).toBeDefined();
});

describe('a new quote from its opportunity and its client', () => {
  const blank = { title: '', originCode: '', destinationCode: '' };

  it('takes the opportunity’s title, mode, traffic and place codes; free text stays for the user', () => {
    const opportunity = {
      title: 'Export papier FCL Sfax → Gênes',
      transportType: 'sea_fcl' as const,
      traffic: 'export' as const,
      origin: 'tnsfa ',
      destination: 'Gênes',
    };
    expect(fromOpportunity(opportunity, blank)).toEqual({
      title: 'Export papier FCL Sfax → Gênes',
      mode: 'sea_fcl',
      direction: 'export',
      originCode: 'TNSFA',
    });
    // What the user already typed stays.
    expect(
      fromOpportunity(opportunity, { title: 'Mon titre', originCode: 'TNRDS', destinationCode: '' }),
    ).toEqual({
      mode: 'sea_fcl',
      direction: 'export',
    });
  });

  it('starts a new quote with the client’s primary contact and drops another client’s', () => {
    const contacts = [
      { id: 'c1', isPrimary: false },
      { id: 'c2', isPrimary: true },
    ];
    expect(contactFor(contacts, null, false)).toBe('c2');
    expect(contactFor(contacts, 'c1', false)).toBeUndefined();
    expect(contactFor(contacts, 'other-client-contact', true)).toBe('c2');
    expect(contactFor([], 'other-client-contact', false)).toBeNull();
    // A saved quote without a contact keeps none.
    expect(contactFor(contacts, null, true)).toBeUndefined();
  });
});
