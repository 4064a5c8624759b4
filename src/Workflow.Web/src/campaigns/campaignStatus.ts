// A campaign's status in the page's language: the campaign list, the campaign page and the
// overview all word it the same way.

import type { Translate } from '../shared/i18n';
import { campaignStatuses } from './campaignListQuery';

/** The status's word; a status this app does not know is shown as the server spells it. */
export function campaignStatusName(status: string, t: Translate): string {
  return (campaignStatuses as readonly string[]).includes(status)
    ? t(`campaignStatus_${status as (typeof campaignStatuses)[number]}`)
    : status;
}
