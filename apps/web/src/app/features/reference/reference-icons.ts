import anchor from '@material-symbols/svg-400/outlined/anchor.svg';
import currencyExchange from '@material-symbols/svg-400/outlined/currency_exchange.svg';
import directionsBoat from '@material-symbols/svg-400/outlined/directions_boat.svg';
import download from '@material-symbols/svg-400/outlined/download.svg';
import flight from '@material-symbols/svg-400/outlined/flight.svg';
import inventory2 from '@material-symbols/svg-400/outlined/inventory_2.svg';
import localShipping from '@material-symbols/svg-400/outlined/local_shipping.svg';
import publicIcon from '@material-symbols/svg-400/outlined/public.svg';
import receiptLong from '@material-symbols/svg-400/outlined/receipt_long.svg';
import sailing from '@material-symbols/svg-400/outlined/sailing.svg';
import storefront from '@material-symbols/svg-400/outlined/storefront.svg';
import upload from '@material-symbols/svg-400/outlined/upload.svg';

/** Icons of the Référentiels section (registered by its pages: registerIconSet). */
export const REFERENCE_ICONS: Readonly<Record<string, string>> = {
  anchor,
  currency_exchange: currencyExchange,
  directions_boat: directionsBoat,
  download,
  flight,
  inventory_2: inventory2,
  local_shipping: localShipping,
  public: publicIcon,
  receipt_long: receiptLong,
  sailing,
  storefront,
  upload,
};
