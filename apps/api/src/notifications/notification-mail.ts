import type { NotificationKind, NotificationRecordType } from '@velosi/contracts';
import type { OutgoingMail } from '../mail/mailer.js';
import type { PendingEmail } from './notifications.repository.js';

type Language = 'fr' | 'en';

const SUBJECTS: Record<Language, Record<NotificationKind, string>> = {
  fr: {
    'quote-accepted': 'Cotation acceptée par le client',
    'quote-rejected': 'Cotation refusée par le client',
    'activity-reminder': 'Rappel d’activité',
    'quote-expiring': 'Cotation bientôt expirée',
    'lead-follow-up': 'Prospect à relancer aujourd’hui',
    'job-milestone': 'Nouvelle étape sur un dossier',
  },
  en: {
    'quote-accepted': 'Quote accepted by the customer',
    'quote-rejected': 'Quote rejected by the customer',
    'activity-reminder': 'Activity reminder',
    'quote-expiring': 'Quote expiring soon',
    'lead-follow-up': 'Lead to follow up today',
    'job-milestone': 'New milestone on a job',
  },
};

const FOOTER: Record<Language, string> = {
  fr: 'Vous recevez cet e-mail car vous l’avez demandé dans vos préférences de notification Velosi ERP.',
  en: 'You receive this e-mail because you asked for it in your Velosi ERP notification preferences.',
};

const OPEN: Record<Language, string> = { fr: 'Ouvrir', en: 'Open' };
/** French puts a space before a colon. */
const COLON: Record<Language, string> = { fr: ' : ', en: ': ' };

/** SPA path of the record a notification opens (the same map as the SPA's bell menu). */
export const RECORD_PATHS: Record<NotificationRecordType, string> = {
  quote: '/quotes',
  lead: '/leads',
  opportunity: '/opportunities',
  client: '/clients',
  job: '/jobs',
};

/** The short plain-text e-mail of one notification, in the recipient's language. */
export function notificationMail(pending: PendingEmail, publicWebUrl: string): OutgoingMail {
  const language: Language = pending.language === 'en' ? 'en' : 'fr';
  const subject = `${SUBJECTS[language][pending.kind]}${COLON[language]}${pending.title}`;
  const link = `${publicWebUrl}${RECORD_PATHS[pending.recordType]}/${pending.recordId}`;
  const lines = [
    SUBJECTS[language][pending.kind],
    pending.title,
    ...(pending.detail ? [pending.detail] : []),
    '',
    `${OPEN[language]}${COLON[language]}${link}`,
    '',
    '--',
    FOOTER[language],
  ];
  return {
    to: [pending.emailAddress],
    subject,
    text: lines.join('\n'),
  };
}
