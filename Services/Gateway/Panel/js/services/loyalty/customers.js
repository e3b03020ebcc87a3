// A customer's points: balance, "Manage points" (add or subtract with a reason),
// coefficient, exchange orders and the history of every operation.
import * as api from '../../api.js';
import { h, field, header, card, table, pagedList, formDialog, onSubmit } from '../../dom.js';
import { t, number, signed, dateTime } from '../../i18n.js';
import { exchangeTable } from './exchange-orders.js';

/** The search: a customer is found by the shop's customer id. */
export async function customerSearch(main, _params, { go }) {
  const id = h('input', { name: 'customerId', required: true, autocomplete: 'off' });
  const form = h('form', { class: 'form inline', id: 'customer-search' },
    field(t('loyalty.customers.customerId'), id, t('loyalty.customers.hint')),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('common.open'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (id.value.trim()) go(`loyalty/customers/${encodeURIComponent(id.value.trim())}`);
  });
  main.replaceChildren(header(t('loyalty.customers.title')), card(null, form));
  id.focus();
}

/** What a history entry is about, in a line: the rule, the order, the admin's reason. */
function cause(entry) {
  const c = entry.cause || {};
  const parts = [];
  if (c.rule) parts.push(t('loyalty.history.rule', { name: c.rule.name }));
  if (c.orderNumber) parts.push(t('loyalty.history.order', { number: c.orderNumber }));
  if (c.exchangeOrderId) parts.push(t('loyalty.history.exchangeOrder', { id: c.exchangeOrderId }));
  if (c.reviewId) parts.push(t('loyalty.history.review', { id: c.reviewId }));
  if (c.reason) parts.push(c.reason);
  return parts.join(' · ') || '—';
}

export async function customerCard(main, { customerId }) {
  const path = `loyalty/customers/${api.segment(customerId)}`;
  main.replaceChildren(header(t('loyalty.customer.heading', { id: customerId })),
    h('p', { class: 'loading' }, t('common.loading')));
  const balancePlace = h('div');

  async function showBalance() {
    const account = await api.get(path);
    const expiring = account.expiringPoints?.length
      ? account.expiringPoints.map((lot) => t('loyalty.customer.expiringLot',
        { points: number(lot.points), date: dateTime(lot.expiresAt) })).join(', ')
      : t('loyalty.customer.noExpiry');
    balancePlace.replaceChildren(h('dl', { class: 'figures', id: 'balance' },
      h('div', {}, h('dt', {}, t('loyalty.customer.points')), h('dd', { id: 'points' }, number(account.points))),
      h('div', {}, h('dt', {}, t('loyalty.customer.pending')), h('dd', {}, number(account.pendingPoints))),
      h('div', {}, h('dt', {}, t('loyalty.customer.coefficient')), h('dd', {}, number(account.coefficient))),
      h('div', {}, h('dt', {}, t('loyalty.customer.exchangeOrders')), h('dd', {}, number(account.exchangeOrderCount))),
      h('div', { class: 'wide' }, h('dt', {}, t('loyalty.customer.expiring')), h('dd', {}, expiring))));
    return account;
  }

  const history = pagedList(
    (cursor) => api.get(`${path}/history`, { cursor, limit: 20 }),
    (items) => table(
      [t('common.date'), t('loyalty.history.kind'), t('loyalty.history.points'), t('loyalty.history.balance'),
        t('loyalty.history.cause'), t('loyalty.history.actor')],
      items.map((entry) => [
        dateTime(entry.createdAt), t(`loyalty.kind.${entry.kind}`),
        h('span', { class: entry.points < 0 ? 'negative' : entry.points > 0 ? 'positive' : '' },
          entry.points ? signed(entry.points) : entry.pendingPoints ? `(${signed(entry.pendingPoints)})` : '0'),
        number(entry.balanceAfter), cause(entry), entry.cause?.actor || '—',
      ])));
  const orders = pagedList(
    (cursor) => api.get(`${path}/exchange-orders`, { cursor, limit: 10 }),
    (items) => exchangeTable(items, { showCustomer: false }));

  function managePoints() {
    const amount = h('input', { name: 'amount', type: 'number', min: '1', step: '1', required: true });
    const add = h('input', { type: 'radio', name: 'operation', value: 'add', checked: true, id: 'operation-add' });
    const subtract = h('input', { type: 'radio', name: 'operation', value: 'subtract', id: 'operation-subtract' });
    const reason = h('textarea', { name: 'reason', required: true, maxlength: 500, rows: 3 });
    const keyFor = api.idempotencyKeys();
    formDialog(t('loyalty.customer.managePoints'), [
      field(t('loyalty.customer.amount'), amount),
      h('fieldset', { class: 'radios' }, h('legend', {}, t('loyalty.customer.operation')),
        h('label', { for: 'operation-add' }, add, ' ', t('loyalty.customer.add')),
        h('label', { for: 'operation-subtract' }, subtract, ' ', t('loyalty.customer.subtract'))),
      field(t('loyalty.customer.reason'), reason, t('loyalty.customer.reasonHint')),
    ], async () => {
      const points = Number(amount.value) * (subtract.checked ? -1 : 1);
      const body = { points, reason: reason.value.trim() };
      await api.post(`${path}/adjustments`, body, { 'Idempotency-Key': keyFor(body) });
      await showBalance();
      history.reload();
    });
    amount.focus();
  }

  const coefficient = h('input', { name: 'coefficient', type: 'number', min: '0.0001', max: '1000', step: '0.0001', required: true });
  const coefficientPlace = h('div');
  const coefficientForm = h('form', { class: 'form inline' },
    field(t('loyalty.customer.coefficient'), coefficient, t('loyalty.customer.coefficientHint')),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'secondary' }, t('common.save'))), coefficientPlace);
  onSubmit(coefficientForm, coefficientPlace, async () => {
    await api.put(`${path}/coefficient`, { coefficient: Number(coefficient.value) });
    await showBalance();
  }, t('common.saved'));

  const account = await showBalance();
  coefficient.value = account.coefficient;
  main.replaceChildren(
    header(t('loyalty.customer.heading', { id: customerId }),
      h('a', { class: 'button secondary', href: api.url(`${path}/history.csv`), download: '' }, t('loyalty.customer.statement')),
      h('button', { type: 'button', class: 'primary', id: 'manage-points', onclick: managePoints },
        t('loyalty.customer.managePoints'))),
    card(t('loyalty.customer.balance'), balancePlace, coefficientForm),
    card(t('loyalty.customer.orders'), orders.element),
    card(t('loyalty.customer.history'), history.element));
}
