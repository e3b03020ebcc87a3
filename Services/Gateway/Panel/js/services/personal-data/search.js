// The search of the seed's "Dane osobowe": any part of the person's or company's name, in the
// customer base, the order base or both ("[dowolny]"), narrowed by e-mail, phone or order number.
// The results come in the seed's two sections, Zamówienia and Klienci, each paged by its own
// cursor; every row has the seed's buttons.
import * as api from '../../api.js';
import { h, field, select, header, card, table, pagedList } from '../../dom.js';
import { t, dateTime } from '../../i18n.js';
import { customer, order, recordActions, orDash } from './format.js';

/** The last search's criteria as typed, so coming back from a record shows the same results. */
const last = { name: '', source: 'any', email: '', phone: '', orderNumber: '' };
const sources = ['customers', 'orders', 'any'];
const rowsPerPage = 20;

/** Each section's columns (the seed's) and row, with the seed's buttons last. */
const sections = {
  orders: {
    columns: ['orderNumber', 'name', 'orderedAt'],
    row: (hit) => [h('span', { class: 'mono' }, hit.orderNumber), hit.name, dateTime(hit.orderedAt),
      recordActions(order(hit.orderNumber))],
  },
  customers: {
    columns: ['login', 'name', 'registeredAt'],
    row: (hit) => [h('span', { class: 'mono' }, orDash(hit.login)), hit.name, dateTime(hit.registeredAt),
      recordActions(customer(hit.customerId))],
  },
};

/**
 * One section's pages. The first page comes from the search of every section wanted (`first`,
 * used once); the next pages ask the section's own source with its own cursor, so paging one
 * section leaves the other where it is.
 */
function section(kind, first, query) {
  const { columns, row } = sections[kind];
  const cursorName = kind === 'orders' ? 'ordersCursor' : 'customersCursor';
  const nextName = kind === 'orders' ? 'nextOrdersCursor' : 'nextCustomersCursor';
  let pending = first;
  const list = pagedList(async (cursor) => {
    const answer = !cursor && pending
      ? await pending
      : await api.get('personal-data/search', { ...query, source: kind, [cursorName]: cursor });
    pending = null;
    return { items: answer[kind], nextCursor: answer[nextName] };
  }, (items) => table([...columns.map((name) => t(`personalData.field.${name}`)), ''], items.map(row),
    t(`personalData.${kind}.none`)));
  return h('section', { class: 'card', id: `${kind}-results`, 'aria-labelledby': `${kind}-results-title` },
    h('h2', { id: `${kind}-results-title` }, t(`personalData.${kind}.section`)), list.element);
}

export default async function personSearch(main) {
  const name = h('input', { name: 'name', type: 'search', autocomplete: 'off', maxlength: 200, value: last.name });
  const source = select(sources.map((value) => [value, t(`personalData.source.${value}`)]), last.source,
    { name: 'source' });
  const email = h('input', { name: 'email', type: 'email', autocomplete: 'off', value: last.email });
  const phone = h('input', { name: 'phone', type: 'tel', autocomplete: 'off', value: last.phone });
  const orderNumber = h('input', { name: 'orderNumber', autocomplete: 'off', value: last.orderNumber });
  const filters = h('form', { class: 'form inline filters', id: 'person-filters', role: 'search' },
    field(t('personalData.search.name'), name, t('personalData.search.nameHint')),
    field(t('personalData.search.source'), source),
    field(t('personalData.field.email'), email, t('personalData.search.emailHint')),
    field(t('personalData.field.phone'), phone, t('personalData.search.phoneHint')),
    field(t('personalData.field.orderNumber'), orderNumber),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('personalData.search.submit'))));
  const results = h('div', { id: 'person-results' });

  /** Lists what matches the criteria as they are now; paging keeps these criteria. */
  function load() {
    Object.assign(last, {
      name: name.value, source: source.value, email: email.value, phone: phone.value, orderNumber: orderNumber.value,
    });
    const query = {
      limit: rowsPerPage, name: name.value.trim(), email: email.value.trim(), phone: phone.value.trim(),
      orderNumber: orderNumber.value.trim(),
    };
    const first = api.get('personal-data/search', { ...query, source: source.value });
    const wanted = source.value === 'any' ? ['orders', 'customers'] : [source.value];
    results.replaceChildren(...wanted.map((kind) => section(kind, first, query)));
  }
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  main.replaceChildren(header(t('personalData.search.title')),
    h('p', { class: 'hint' }, t('personalData.search.explanation')), card(null, filters), results);
  load();
}
