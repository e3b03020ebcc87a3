// How the personal-data screens name a person's record: a customer of the customer base or the
// buyer of an order of the order base, each with its API path, its screens and its three buttons
// of the seed (Udostępnienia danych, Pokaż, Drukuj raport).
import * as api from '../../api.js';
import { h } from '../../dom.js';
import { t } from '../../i18n.js';

/** A customer's record: `{ kind: 'customers', id }`. */
export const customer = (id) => ({ kind: 'customers', id });

/** An order buyer's record: `{ kind: 'orders', id }`. */
export const order = (id) => ({ kind: 'orders', id });

/** The record's API path below /api/v1/ (`personal-data/customers/c-42`). */
export const apiPath = (record) => `personal-data/${record.kind}/${api.segment(record.id)}`;

/** The record's screen address (`#/personal-data/customers/c-42`), `rest` appended. */
export const screen = (record, rest = '') => `#/personal-data/${record.kind}/${encodeURIComponent(record.id)}${rest}`;

/** "klient c-42", "zamówienie ZAM-1": the record in a phrase. */
export const describe = (record) => t(`personalData.${record.kind}.one`, { id: record.id });

/** "Drukuj raport": the record's PDF report, opened in a new tab (the session cookie goes with it). */
export function reportLink(record, attributes = {}) {
  return h('a', {
    href: api.url(`${apiPath(record)}/report.pdf`), target: '_blank', rel: 'noopener', type: 'application/pdf',
    'data-report': record.id, 'aria-label': t('personalData.reportOf', { record: describe(record) }), ...attributes,
  }, t('personalData.report'));
}

/** The seed's three buttons of a search result: disclosures, Show, Print report. */
export function recordActions(record) {
  const about = describe(record);
  return h('div', { class: 'row-actions' },
    h('a', { href: screen(record, '/disclosures'), 'data-disclosures': record.id,
      'aria-label': t('personalData.disclosuresOf', { record: about }) }, t('personalData.disclosures.link')),
    h('a', { href: screen(record), 'data-show': record.id, 'aria-label': t('personalData.showOf', { record: about }) },
      t('personalData.show')),
    reportLink(record));
}

/** The customer id as a link to their record, or a dash. */
export function customerLink(customerId) {
  if (!customerId) return '—';
  return h('a', { class: 'mono', href: screen(customer(customerId)) }, customerId);
}

/** The order number as a link to its buyer's record, or a dash. */
export function orderLink(orderNumber) {
  if (!orderNumber) return '—';
  return h('a', { class: 'mono', href: screen(order(orderNumber)) }, orderNumber);
}

/** A text the record may lack, or a dash. */
export const orDash = (text) => (text === null || text === undefined || text === '' ? '—' : text);
