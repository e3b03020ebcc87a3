// How the discount screens show a campaign's terms and state.
import { url } from '../../api.js';
import { h } from '../../dom.js';
import { t, number, money, dateTime } from '../../i18n.js';

/** "10%", "25,00 zł" or "free shipping". */
export function describeDiscount(discount, currency) {
  if (discount.type === 'percent') return `${number(discount.value)}%`;
  if (discount.type === 'amount') return money(discount.value, currency);
  return t('discounts.discount.freeShipping');
}

/** The campaign's validity window in a line: "from … to …", open ends said so. */
export function describeWindow(campaign) {
  return {
    from: campaign.validFrom ? dateTime(campaign.validFrom) : t('discounts.campaign.noStart'),
    to: campaign.validTo ? dateTime(campaign.validTo) : t('discounts.campaign.noEnd'),
  };
}

/** The campaign's status; a generating campaign shows its progress bar. */
export function statusCell(campaign) {
  if (campaign.status === 'generating') {
    const percent = Math.floor((campaign.progress || 0) * 100);
    return h('div', { class: 'progress-cell' },
      h('progress', { max: '100', value: String(percent), 'aria-label': t('discounts.campaign.progress') }),
      h('span', { class: 'muted' }, `${percent}%`));
  }
  const text = t(`discounts.status.${campaign.status}`);
  return h('span', { class: `badge ${campaign.status}`, title: campaign.failure || null }, text);
}

/** The link that downloads a campaign's codes as CSV (the session cookie goes with it); a plain
 * link in a table row, a button elsewhere. */
export function csvLink(campaign, { inRow = false } = {}) {
  return h('a', {
    class: inRow ? null : 'button', href: url(`discounts/campaigns/${campaign.id}/codes.csv`),
    download: `campaign-${campaign.id}-codes.csv`, 'data-csv': campaign.id,
  }, t('discounts.campaign.download'));
}
