// The quote the write scenario creates: a Radès → Marseille FCL export with five lines mixing
// EUR freight, TND charges at 19 % and 7 %, and a débours line.
const line = (description, chargeTypeCode, sell, currency, vatRate, extra = {}) => ({
  kind: chargeTypeCode === 'OFR' ? 'freight' : 'additional_cost',
  description,
  chargeTypeCode,
  quantity: '1',
  unit: 'shipment',
  buyUnitPrice: String(Number(sell) * 0.8),
  sellUnitPrice: sell,
  currency,
  vatRate,
  isDisbursement: false,
  ...extra,
});

export const MULTI_LINE_QUOTE = (clientId) => ({
  clientId,
  title: 'Bench export Radès → Marseille',
  mode: 'sea_fcl',
  direction: 'export',
  incoterm: 'FOB',
  incotermPlace: 'Radès',
  origin: { locationCode: 'TNRDS' },
  destination: { locationCode: 'FRMRS' },
  containers: [{ type: '40HC', count: 1 }],
  currency: 'EUR',
  exchangeRate: '3.35',
  items: [
    line('Fret maritime', 'OFR', '1850', 'EUR', 0, { exchangeRate: '3.35' }),
    line('THC départ', 'THC', '350', 'TND', 19),
    line('Frais de dossier', 'DOC', '45', 'TND', 7),
    line('Manutention', 'THC', '420', 'TND', 19),
    line('Droits de douane', 'DUTY', '1234.567', 'TND', 0, {
      buyUnitPrice: '1234.567',
      isDisbursement: true,
    }),
  ],
});
