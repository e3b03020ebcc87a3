// One campaign: its details (with a progress bar while its codes are generated) and its
// statistics — orders, their value and the discount granted, in sum and per code.
import * as api from '../../api.js';
import { h, header, card, table, figures, pagedList, notice } from '../../dom.js';
import { t, number, money, dateTime } from '../../i18n.js';
import { describeDiscount, describeWindow, statusCell, csvLink } from './format.js';
import { renameDialog, deleteCampaign } from './campaigns.js';

export async function campaignDetails(main, { id }, { go }) {
  const place = h('div');
  async function show() {
    const campaign = await api.get(`discounts/campaigns/${api.segment(id)}`);
    const validity = describeWindow(campaign);
    const link = (path, label) => h('a', { class: 'button', href: `#/discounts/campaigns/${campaign.id}${path}` }, label);
    main.replaceChildren(
      header(campaign.name,
        campaign.status === 'ready' ? csvLink(campaign) : null,
        h('button', { type: 'button', id: 'rename', onclick: () => renameDialog(campaign, show) }, t('common.edit')),
        link('/codes', t('discounts.campaign.list')),
        link('/stats', t('discounts.campaign.statistics')),
        campaign.kind === 'assigned' || campaign.kind === 'singleUse' ? link('/assign', t('discounts.assign.title')) : null,
        campaign.archivedAt ? null : h('button', {
          type: 'button', class: 'danger', id: 'delete-campaign',
          onclick: async () => { if (await deleteCampaign(campaign, place)) go('discounts/campaigns'); },
        }, t('common.delete'))),
      place,
      card(t('discounts.campaign.details'),
        h('div', { id: 'campaign-status' }, statusCell(campaign)),
        campaign.failure ? notice('error', campaign.failure) : null,
        figures([
          [t('discounts.campaign.count'), number(campaign.count)],
          [t('discounts.campaign.generated'), number(campaign.generated)],
          [t('discounts.campaign.used'), number(campaign.usedCount)],
          [t('discounts.campaign.discount'), describeDiscount(campaign.discount, campaign.currency)],
          [t('discounts.campaign.kind'), t(`discounts.kind.${campaign.kind}`)],
          [t('discounts.campaign.minOrderValue'), money(campaign.minOrderValue, campaign.currency)],
          [t('discounts.campaign.pointsPrice'), campaign.pointsPrice ? number(campaign.pointsPrice) : '—'],
          [t('discounts.campaign.validFrom'), validity.from],
          [t('discounts.campaign.validTo'), validity.to],
          [t('discounts.campaign.created'), dateTime(campaign.createdAt)],
          [t('discounts.campaign.mask'), campaign.mask ? h('span', { class: 'mono' }, campaign.mask) : t('discounts.campaign.randomCodes'), true],
        ])));
    if (campaign.status === 'generating') {
      setTimeout(() => { if (document.body.contains(place)) show().catch((error) => place.replaceChildren(notice('error', error.message))); }, 700);
    }
  }
  await show();
}

export async function campaignStats(main, { id }) {
  const campaign = await api.get(`discounts/campaigns/${api.segment(id)}`);
  const summary = h('div', {}, h('p', { class: 'loading' }, t('common.loading')));
  const list = pagedList(
    async (cursor) => {
      const stats = await api.get(`discounts/campaigns/${api.segment(id)}/stats`, { cursor, limit: 50 });
      summary.replaceChildren(figures([
        [t('discounts.stats.orders'), number(stats.summary.orders)],
        [t('discounts.stats.orderValue'), money(stats.summary.orderValue, campaign.currency)],
        [t('discounts.stats.discountGranted'), money(stats.summary.discountGranted, campaign.currency)],
        [t('discounts.stats.codesUsed'), number(stats.summary.codesUsed)],
      ]));
      return stats.perCode;
    },
    (items) => table(
      [t('discounts.codes.code'), t('discounts.stats.orders'), t('discounts.stats.orderValue'), t('discounts.stats.discountGranted')],
      items.map((usage) => [h('span', { class: 'mono' }, usage.code), number(usage.orders),
        money(usage.orderValue, campaign.currency), money(usage.discountGranted, campaign.currency)])));
  main.replaceChildren(
    header(t('discounts.stats.titleFor', { name: campaign.name }),
      h('a', { class: 'button', href: `#/discounts/campaigns/${campaign.id}` }, t('discounts.campaign.details'))),
    card(t('discounts.stats.summary'), summary), card(t('discounts.stats.perCode'), list.element));
}
