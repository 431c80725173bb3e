import type { JobContainer } from '@velosi/contracts';
import { formatQuantity } from '../../../../shared/sales/money';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * The facts line under a container of the list: "Tare 2 200 kg · Poids brut 21 500,5 kg · VGM
 * 23 700,5 kg · 40 colis", in the reader's language; what was not entered is left out.
 */
export function containerSummary(
  c: Pick<JobContainer, 'tareKg' | 'grossKg' | 'vgmKg' | 'packages'>,
  t: Translate,
  lang: string,
): string {
  const weight = (key: string, kg: string | null | undefined) =>
    kg ? t(`jobs.containers.summary.${key}`, { kg: formatQuantity(kg, lang) }) : null;
  const packages =
    c.packages === null || c.packages === undefined
      ? null
      : `${formatQuantity(String(c.packages), lang)} ${t('jobs.containers.packagesUnit')}`;
  return [weight('tare', c.tareKg), weight('gross', c.grossKg), weight('vgm', c.vgmKg), packages]
    .filter((part): part is string => part !== null)
    .join(' · ');
}
