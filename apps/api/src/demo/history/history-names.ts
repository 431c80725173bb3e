// Word lists the demo history draws its companies, people and subjects from. Invented names in
// the style of Tunisian exporters and their European partners; the `.example` domains cannot
// reach anyone.

export const TN_CITIES = [
  'Sfax',
  'Sousse',
  'Monastir',
  'Bizerte',
  'Nabeul',
  'Ben Arous',
  'Gabès',
  'Kairouan',
  'Mahdia',
  'Tunis',
] as const;

export const FOREIGN_CITIES = [
  { city: 'Marseille', country: 'FR', language: 'fr' },
  { city: 'Lyon', country: 'FR', language: 'fr' },
  { city: 'Milano', country: 'IT', language: 'en' },
  { city: 'Genova', country: 'IT', language: 'en' },
  { city: 'Hamburg', country: 'DE', language: 'en' },
  { city: 'Valencia', country: 'ES', language: 'en' },
] as const;

export const COMPANY_STEMS = [
  'Oléa',
  'Zitouna',
  'Carthago',
  'Hannibal',
  'Kerkennah',
  'Djerba',
  'Medina',
  'Salammbô',
  'Tabarka',
  'Jasmin',
  'Atlas',
  'Dougga',
  'Kélibia',
  'Ifriqiya',
  'Sidi Bou',
  'Thapsus',
  'Utique',
  'Byrsa',
] as const;

/** Sector word of the company name, the industry recorded, and the lead's transport need. */
export const SECTORS = [
  { word: 'Oléicole', industry: 'Huile d’olive', mode: 'sea_fcl' },
  { word: 'Textile', industry: 'Textile', mode: 'road_ltl' },
  { word: 'Câbles', industry: 'Électrique', mode: 'sea_fcl' },
  { word: 'Pharma', industry: 'Pharmaceutique', mode: 'air' },
  { word: 'Agrumes', industry: 'Agroalimentaire', mode: 'sea_lcl' },
  { word: 'Mécanique', industry: 'Mécanique', mode: 'road_ftl' },
  { word: 'Plastiques', industry: 'Plasturgie', mode: 'sea_fcl' },
  { word: 'Composants', industry: 'Électronique', mode: 'air_express' },
] as const;

export const LEGAL_FORMS = ['SA', 'SARL', 'SUARL'] as const;

export const FIRST_NAMES = [
  'Amine',
  'Sana',
  'Karim',
  'Leila',
  'Mehdi',
  'Ines',
  'Walid',
  'Rim',
  'Youssef',
  'Nour',
  'Hichem',
  'Olfa',
] as const;

export const LAST_NAMES = [
  'Trabelsi',
  'Gharbi',
  'Ayari',
  'Mejri',
  'Chaabane',
  'Karray',
  'Sassi',
  'Baccouche',
  'Ferchichi',
  'Dridi',
] as const;

export const LOSS_REASONS = [
  'Prix trop élevé face au concurrent',
  'Délai de transit trop long',
  'Projet reporté par le client',
  'Le client a choisi un transitaire local',
] as const;

export const ACTIVITY_SUBJECTS = {
  call: 'Point téléphonique sur les prochains envois',
  email: 'Envoyer la grille tarifaire mise à jour',
  meeting: 'Revue trimestrielle des flux',
  visit: 'Visite du site de production',
  follow_up: 'Relance de l’offre envoyée',
  task: 'Préparer le dossier de référencement fournisseur',
} as const;
