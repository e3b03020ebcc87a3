// Exchange orders: who ordered what for how many points, the "Exchanged: YES/NO"
// switch (seen only by the admin) and rejection, which gives the points back.
import * as api from '../../api.js';
import { h, field, select, header, card, pagedList, notice, formDialog, table } from '../../dom.js';
import { t, number, dateTime } from '../../i18n.js';

/** The Exchanged YES/NO switch of one order; `changed` is told the updated order. */
function exchangedSwitch(order, changed) {
  const on = order.exchanged === true;
  return h('button', {
    type: 'button', role: 'switch', class: `switch ${on ? 'on' : ''}`, 'aria-checked': on ? 'true' : 'false',
    'data-order': order.id, disabled: order.status === 'rejected' ? 'disabled' : null,
    'aria-label': t('loyalty.exchange.exchangedLabel', { id: order.id }),
    onclick: async (event) => {
      const button = event.currentTarget;
      button.disabled = true;
      try {
        changed(await api.put(`loyalty/exchange-orders/${order.id}/exchanged`, { exchanged: !on }));
      } catch (error) {
        button.disabled = false;
        button.closest('td').append(notice('error', error.message));
      }
    },
  }, h('span', { class: 'switch-track' }), on ? t('common.yes') : t('common.no'));
}

function reject(order, changed) {
  const reason = h('textarea', { name: 'reason', maxlength: 500, rows: 3 });
  const keyFor = api.idempotencyKeys();
  formDialog(t('loyalty.exchange.rejectTitle', { id: order.id }), [
    h('p', {}, t('loyalty.exchange.rejectExplanation', { points: number(order.points) })),
    field(t('loyalty.exchange.reason'), reason),
  ], async () => {
    const body = reason.value.trim() ? { reason: reason.value.trim() } : {};
    changed(await api.post(`loyalty/exchange-orders/${order.id}/rejection`, body, { 'Idempotency-Key': keyFor(body) }));
  }, t('loyalty.exchange.reject'));
}

/** The table of exchange orders, with their switches; `reload` redraws after a change. */
export function exchangeTable(items, { showCustomer = true, reload } = {}) {
  const rows = items.map((order) => {
    const row = [
      h('span', { class: 'mono' }, `#${order.id}`),
      dateTime(order.createdAt),
      showCustomer ? h('a', { href: `#/loyalty/customers/${encodeURIComponent(order.customerId)}` }, order.customerId) : null,
      h('ul', { class: 'items' }, order.items.map((item) =>
        h('li', {}, t('loyalty.exchange.item', { quantity: number(item.quantity), name: item.name, points: number(item.points) })))),
      number(order.points),
      h('span', { class: `badge ${order.status}` }, t(`loyalty.exchangeStatus.${order.status}`)),
    ];
    if (reload) {
      row.push(exchangedSwitch(order, reload));
      row.push(h('button', {
        type: 'button', class: 'link danger', 'data-reject': order.id,
        disabled: order.status !== 'placed' ? 'disabled' : null, onclick: () => reject(order, reload),
      }, t('loyalty.exchange.reject')));
    }
    return row.filter((cell) => cell !== null);
  });
  const headers = [t('loyalty.exchange.number'), t('common.date'), showCustomer ? t('loyalty.exchange.customer') : null,
    t('loyalty.exchange.products'), t('loyalty.exchange.points'), t('loyalty.exchange.status')].filter(Boolean);
  if (reload) headers.push(t('loyalty.exchange.exchanged'), '');
  return table(headers, rows);
}

export default async function exchangeOrders(main) {
  const status = select([['', t('common.all')], ...['placed', 'exchanged', 'rejected']
    .map((s) => [s, t(`loyalty.exchangeStatus.${s}`)])], '', { name: 'status' });
  const customer = h('input', { name: 'customerId', autocomplete: 'off' });
  const filters = h('form', { class: 'form inline filters', id: 'exchange-filters' },
    field(t('loyalty.exchange.status'), status), field(t('loyalty.exchange.customer'), customer),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'secondary' }, t('common.filter'))));
  const place = h('div');
  let list;
  function load() {
    list = pagedList(
      (cursor) => api.get('loyalty/exchange-orders', { cursor, limit: 20, status: status.value, customerId: customer.value.trim() }),
      (items) => exchangeTable(items, { reload: () => list.reload() }));
    place.replaceChildren(list.element);
  }
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  main.replaceChildren(header(t('loyalty.exchange.title')),
    h('p', { class: 'hint' }, t('loyalty.exchange.explanation')), card(null, filters, place));
  load();
}
