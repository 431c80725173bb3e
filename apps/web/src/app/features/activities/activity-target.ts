import type { Activity } from '@velosi/contracts';

/**
 * The record an activity is about, as a router link: the activities list's and the home to-do
 * card's (a module of its own, so the home page does not load the activities page to use it).
 */
export function activityTarget(a: Activity): { path: string[]; kind: string } | null {
  if (a.leadId) return { path: ['/leads', a.leadId], kind: 'lead' };
  if (a.opportunityId) return { path: ['/opportunities', a.opportunityId], kind: 'opportunity' };
  if (a.clientId) return { path: ['/clients', a.clientId], kind: 'client' };
  if (a.quoteId) return { path: ['/quotes', a.quoteId], kind: 'quote' };
  return null;
}
