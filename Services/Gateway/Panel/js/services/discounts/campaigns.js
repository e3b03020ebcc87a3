// Campaign search: by name and time (current, historical, all), with the seed's columns and the
// buttons of each campaign (details, download, edit, list, statistics, delete).
import * as api from '../../api.js';
import { h, field, select, header, card, table, pagedList, notice, formDialog } from '../../dom.js';
import { t, number, dateTime } from '../../i18n.js';
import { describeWindow, statusCell, csvLink } from './format.js';

/** Asks for a new name and saves it; `changed` is told the updated campaign. */
export function renameDialog(campaign, changed) {
  const name = h('input', { name: 'name', required: true, maxlength: 200, value: campaign.name });
  formDialog(t('discounts.campaign.renameTitle'), [field(t('discounts.campaign.name'), name)], async () => {
    changed(await api.request('PATCH', `discounts/campaigns/${campaign.id}`, { body: { name: name.value.trim() } }));
  });
}

/** Deletes after a confirmation that says what happens to a campaign whose codes were used. */
export async function deleteCampaign(campaign, place) {
  const question = campaign.usedCount > 0
    ? t('discounts.campaign.confirmArchive', { name: campaign.name, used: number(campaign.usedCount) })
    : t('discounts.campaign.confirmDelete', { name: campaign.name });
  if (!confirm(question)) return false;
  try {
    await api.del(`discounts/campaigns/${campaign.id}`);
    return true;
  } catch (error) {
    place.replaceChildren(notice('error', error.message));
    return false;
  }
}

/** Reloads `list` every second while one of its campaigns is generating and it is on screen. */
function watchProgress(list, items) {
  if (!items.some((campaign) => campaign.status === 'generating')) return;
  setTimeout(() => {
    if (document.body.contains(list.element)) list.reload();
  }, 1000);
}

export async function campaignSearch(main) {
  const name = h('input', { name: 'name', autocomplete: 'off' });
  const time = select(['current', 'historical', 'all', 'archived'].map((value) => [value, t(`discounts.time.${value}`)]),
    'all', { name: 'time' });
  const filters = h('form', { class: 'form inline filters', id: 'campaign-filters' },
    field(t('discounts.campaign.name'), name), field(t('discounts.campaigns.time'), time),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'secondary' }, t('common.filter'))));
  const listNotice = h('div');
  const place = h('div');
  let list;

  function row(campaign) {
    const validity = describeWindow(campaign);
    const link = (path, label) => h('a', { href: `#/discounts/campaigns/${campaign.id}${path}` }, label);
    return [
      link('', campaign.name),
      dateTime(campaign.createdAt),
      validity.from,
      validity.to,
      number(campaign.count),
      number(campaign.usedCount),
      statusCell(campaign),
      h('div', { class: 'row-actions' },
        link('', t('discounts.campaign.details')),
        campaign.status === 'ready' ? csvLink(campaign, { inRow: true }) : null,
        h('button', { type: 'button', class: 'link', onclick: () => renameDialog(campaign, () => list.reload()) },
          t('common.edit')),
        link('/codes', t('discounts.campaign.list')),
        link('/stats', t('discounts.campaign.statistics')),
        campaign.archivedAt ? null : h('button', {
          type: 'button', class: 'link danger', 'data-delete': campaign.id,
          onclick: async () => { if (await deleteCampaign(campaign, listNotice)) list.reload(); },
        }, t('common.delete'))),
    ];
  }

  function load() {
    list = pagedList(
      (cursor) => api.get('discounts/campaigns', { cursor, limit: 20, name: name.value.trim(), time: time.value }),
      (items) => {
        watchProgress(list, items);
        return table([t('discounts.campaign.name'), t('discounts.campaign.created'), t('discounts.campaign.validFrom'),
          t('discounts.campaign.validTo'), t('discounts.campaign.count'), t('discounts.campaign.used'),
          t('discounts.campaign.status'), ''], items.map(row));
      });
    place.replaceChildren(list.element);
  }
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  main.replaceChildren(
    header(t('discounts.campaigns.title'),
      h('a', { class: 'button primary', href: '#/discounts/campaigns/new', id: 'new-campaign' },
        t('discounts.generate.title'))),
    h('p', { class: 'hint' }, t('discounts.campaigns.explanation')),
    listNotice, card(null, filters, place));
  load();
}
