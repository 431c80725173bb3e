import { describe, expect, it } from 'vitest';
import { notificationMail } from './notification-mail.js';
import type { PendingEmail } from './notifications.repository.js';

const pending: PendingEmail = {
  id: '0190a5b8-0000-7000-8000-000000000001',
  kind: 'quote-accepted',
  recordType: 'quote',
  recordId: '0190a5b8-0000-7000-8000-000000000002',
  title: 'Q2026-00042 — Dattes vers Marseille',
  detail: 'PO-4711',
  emailAttempts: 0,
  emailAddress: 'amira@velosi.example',
  language: 'fr',
};

describe('notification e-mails', () => {
  it('are short, in French with French punctuation, and link to the record', () => {
    const mail = notificationMail(pending, 'https://erp.example.test');
    expect(mail.to).toEqual(['amira@velosi.example']);
    expect(mail.subject).toBe('Cotation acceptée par le client : Q2026-00042 — Dattes vers Marseille');
    expect(mail.text).toContain('PO-4711');
    expect(mail.text).toContain(`Ouvrir : https://erp.example.test/quotes/${pending.recordId}`);
  });

  it('are in English when the user chose it', () => {
    const mail = notificationMail(
      { ...pending, kind: 'lead-follow-up', recordType: 'lead', detail: null, language: 'en' },
      'https://erp.example.test',
    );
    expect(mail.subject).toBe('Lead to follow up today: Q2026-00042 — Dattes vers Marseille');
    expect(mail.text).toContain(`Open: https://erp.example.test/leads/${pending.recordId}`);
  });
});
