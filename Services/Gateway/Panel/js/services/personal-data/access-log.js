// The access log ("Rejestr dostępu"): which admin viewed, printed, exported or erased whose data,
// newest first, filtered by the customer and the admin; a person's record shows their part of it.
import * as api from '../../api.js';
import { h, field, header, card, table, pagedList } from '../../dom.js';
import { t, dateTime } from '../../i18n.js';
import { customerLink, orderLink } from './format.js';

/** The last filters as typed, so coming back shows the same entries. */
const last = { customerId: '', admin: '' };

/**
 * The entries matching `query` (`customerId`, `admin`), page by page; a person's own log leaves out
 * the customer column (`customerColumn: false`).
 */
export function accessLogList(query, { limit = 20, customerColumn = true } = {}) {
  const columns = [
    [t('personalData.accessLog.at'), (entry) => dateTime(entry.at)],
    [t('personalData.accessLog.admin'), (entry) => h('span', { class: 'mono' }, entry.admin)],
    [t('personalData.accessLog.action'),
      (entry) => h('span', { 'data-action': entry.action }, t(`personalData.access.${entry.action}`))],
    customerColumn ? [t('personalData.accessLog.customer'), (entry) => customerLink(entry.customerId)] : null,
    [t('personalData.field.orderNumber'), (entry) => orderLink(entry.orderNumber)],
  ].filter(Boolean);
  return pagedList(
    (cursor) => api.get('personal-data/access-log', { ...query, cursor, limit }),
    (items) => table(columns.map(([title]) => title), items.map((entry) => columns.map(([, cell]) => cell(entry))),
      t('personalData.accessLog.none')));
}

export default async function accessLog(main) {
  const customerId = h('input', { name: 'customerId', autocomplete: 'off', value: last.customerId });
  const admin = h('input', { name: 'admin', autocomplete: 'off', value: last.admin });
  const filters = h('form', { class: 'form inline filters', id: 'access-filters', role: 'search' },
    field(t('personalData.accessLog.customer'), customerId, t('personalData.accessLog.customerHint')),
    field(t('personalData.accessLog.admin'), admin, t('personalData.accessLog.adminHint')),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('common.filter'))));
  const place = h('div');

  function load() {
    Object.assign(last, { customerId: customerId.value, admin: admin.value });
    place.replaceChildren(accessLogList({ customerId: customerId.value.trim(), admin: admin.value.trim() }).element);
  }
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  main.replaceChildren(header(t('personalData.accessLog.title')),
    h('p', { class: 'hint' }, t('personalData.accessLog.explanation')), card(null, filters, place));
  load();
}
