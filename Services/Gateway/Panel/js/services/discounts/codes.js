// A campaign's codes: each with its customer, the order and date of its use and whether it is
// active; filters, select all / none, and activating or deactivating the selected codes (or all).
import * as api from '../../api.js';
import { h, field, select, header, card, table, pagedList, notice } from '../../dom.js';
import { t, number, dateTime } from '../../i18n.js';

export default async function campaignCodes(main, { id }) {
  const campaign = await api.get(`discounts/campaigns/${api.segment(id)}`);
  const used = select([['', t('common.all')], ['true', t('discounts.codes.usedYes')], ['false', t('discounts.codes.usedNo')]], '', { name: 'used' });
  const active = select([['', t('common.all')], ['true', t('discounts.codes.active')], ['false', t('discounts.codes.inactive')]], '', { name: 'active' });
  const customer = h('input', { name: 'customerId', autocomplete: 'off' });
  const prefix = h('input', { name: 'prefix', autocomplete: 'off' });
  const filters = h('form', { class: 'form inline filters', id: 'code-filters' },
    field(t('discounts.codes.used'), used), field(t('discounts.codes.activeColumn'), active),
    field(t('discounts.codes.customer'), customer), field(t('discounts.codes.prefix'), prefix),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'secondary' }, t('common.filter'))));
  const message = h('div');
  const place = h('div');
  let list;
  let boxes = [];

  function render(items) {
    boxes = items.map((code) => h('input', { type: 'checkbox', value: code.code,
      'aria-label': t('discounts.codes.select', { code: code.code }) }));
    return table(['', t('discounts.codes.code'), t('discounts.codes.customer'), t('discounts.codes.order'),
      t('discounts.codes.usedAt'), t('discounts.codes.activeColumn')],
    items.map((code, index) => [boxes[index], h('span', { class: 'mono' }, code.code), code.customerId || '—',
      code.orderNumber || '—', code.usedAt ? dateTime(code.usedAt) : '—',
      code.active ? t('common.yes') : t('common.no')]));
  }
  function load() {
    list = pagedList((cursor) => api.get(`discounts/campaigns/${api.segment(id)}/codes`, {
      cursor, limit: 50, used: used.value, active: active.value, customerId: customer.value.trim(), prefix: prefix.value.trim(),
    }), render);
    place.replaceChildren(list.element);
  }
  async function switchCodes(on, all) {
    message.replaceChildren();
    const codes = boxes.filter((box) => box.checked).map((box) => box.value);
    if (!all && codes.length === 0) {
      message.replaceChildren(notice('info', t('discounts.codes.noneSelected')));
      return;
    }
    if (all && !confirm(t(on ? 'discounts.codes.confirmActivateAll' : 'discounts.codes.confirmDeactivateAll'))) return;
    try {
      const result = await api.post(`discounts/campaigns/${api.segment(id)}/codes/activation`,
        all ? { all: true, active: on } : { codes, active: on });
      message.replaceChildren(notice('success', t('discounts.codes.changed', { changed: number(result.changed) })));
      list.reload();
    } catch (error) {
      message.replaceChildren(notice('error', error.message));
    }
  }
  const mark = (checked) => boxes.forEach((box) => { box.checked = checked; });
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  main.replaceChildren(
    header(t('discounts.codes.titleFor', { name: campaign.name }),
      h('a', { class: 'button', href: `#/discounts/campaigns/${campaign.id}` }, t('discounts.campaign.details'))),
    card(null, filters,
      h('div', { class: 'toolbar' },
        h('button', { type: 'button', id: 'select-all', onclick: () => mark(true) }, t('discounts.codes.selectAll')),
        h('button', { type: 'button', id: 'select-none', onclick: () => mark(false) }, t('discounts.codes.selectNone')),
        h('button', { type: 'button', id: 'activate', onclick: () => switchCodes(true, false) }, t('discounts.codes.activate')),
        h('button', { type: 'button', id: 'deactivate', onclick: () => switchCodes(false, false) }, t('discounts.codes.deactivate')),
        h('button', { type: 'button', onclick: () => switchCodes(true, true) }, t('discounts.codes.activateAll')),
        h('button', { type: 'button', onclick: () => switchCodes(false, true) }, t('discounts.codes.deactivateAll'))),
      message, place));
  load();
}
