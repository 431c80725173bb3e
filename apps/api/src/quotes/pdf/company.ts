/**
 * The issuer block printed on every quote. Kept in code (not env) because it is part of the
 * document's design and changes with a release, like the logo; the reference-data issue may move it
 * to a settings table.
 */
export const COMPANY = {
  name: 'VELOSI',
  tagline: 'Transport international & logistique',
  legalName: 'Velosi Transport & Logistique SARL',
  address: ['Immeuble Velosi, Rue du Lac Léman', '1053 Les Berges du Lac, Tunis, Tunisie'],
  phone: '+216 71 000 000',
  email: 'cotations@velosi.tn',
  fiscalId: 'MF 1234567/A/M/000',
  /** Brand colours (hex) used by the header rule and table headings. */
  primaryColor: '#0b4f8a',
  accentColor: '#f39200',
} as const;
