import type { JobMilestone, JobMilestoneKind } from '@velosi/contracts';
import { DOCUMENT_LOCALES } from '../../common/money/money-format.js';
import type { OutgoingMail } from '../../mail/mailer.js';

type Language = 'fr' | 'en';

const MILESTONES: Record<Language, Record<JobMilestoneKind, string>> = {
  fr: {
    booked: 'Réservation confirmée',
    cargo_received: 'Marchandise réceptionnée',
    departed: 'Départ',
    arrived: 'Arrivée',
    customs_cleared: 'Dédouanement effectué',
    delivered: 'Livraison effectuée',
  },
  en: {
    booked: 'Booking confirmed',
    cargo_received: 'Cargo received',
    departed: 'Departed',
    arrived: 'Arrived',
    customs_cleared: 'Customs cleared',
    delivered: 'Delivered',
  },
};

const WORDS = {
  fr: {
    job: 'Dossier',
    hello: 'Bonjour,',
    intro: 'Nous vous informons d’une nouvelle étape de votre expédition',
    date: 'Date',
    place: 'Lieu',
    transport: 'Transport',
    reference: 'Votre référence de cotation',
    footer:
      'Cet e-mail vous est envoyé automatiquement à chaque étape de votre dossier. Pour toute question, répondez à votre interlocuteur habituel.',
    colon: ' : ',
  },
  en: {
    job: 'Job',
    hello: 'Hello,',
    intro: 'Your shipment has reached a new stage',
    date: 'Date',
    place: 'Place',
    transport: 'Transport',
    reference: 'Quote reference',
    footer:
      'This e-mail is sent automatically at each stage of your shipment. For any question, contact your usual correspondent.',
    colon: ': ',
  },
} as const;

/** What the e-mail says about the job (the job's own fields, nothing internal such as costs or notes). */
export interface MilestoneMailJob {
  number: string;
  quoteNumber: string;
  vesselName: string | null;
  voyageNumber: string | null;
  flightNumber: string | null;
}

/** Date and time of the milestone as people at the port read it (Tunis time). */
function when(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(DOCUMENT_LOCALES[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Africa/Tunis',
  }).format(new Date(iso));
}

/** The short plain-text e-mail telling the client contact that a milestone was recorded. */
export function milestoneMail(
  job: MilestoneMailJob,
  milestone: Pick<JobMilestone, 'kind' | 'occurredAt' | 'place'>,
  to: string,
  language: Language,
): OutgoingMail {
  const w = WORDS[language];
  const label = MILESTONES[language][milestone.kind];
  const transport = [job.vesselName, job.voyageNumber, job.flightNumber].filter(Boolean).join(' / ');
  const lines = [
    w.hello,
    '',
    `${w.intro} ${job.number}${w.colon}${label}.`,
    '',
    `${w.date}${w.colon}${when(milestone.occurredAt, language)}`,
    ...(milestone.place ? [`${w.place}${w.colon}${milestone.place}`] : []),
    ...(transport ? [`${w.transport}${w.colon}${transport}`] : []),
    `${w.reference}${w.colon}${job.quoteNumber}`,
    '',
    '--',
    w.footer,
  ];
  return { to: [to], subject: `${w.job} ${job.number} — ${label}`, text: lines.join('\n') };
}
