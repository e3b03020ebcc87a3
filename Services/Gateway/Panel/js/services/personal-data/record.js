// "Pokaż": a person's record as the seed lists it — from the customer base (login, registration
// date, name, street, postcode, city, phone) or from an order (login, order date, name, street,
// postcode, city, e-mail, phone) — with when it first entered the system. A customer's record
// also shows their consents and their part of the access log, and offers the export of
// everything the suite holds about them (JSON) and their erasure. Each showing is logged.
import * as api from '../../api.js';
import { h, header, card, table, figures, pagedList, notice } from '../../dom.js';
import { t, dateTime } from '../../i18n.js';
import { customer, order, apiPath, screen, describe, reportLink, customerLink, orDash } from './format.js';
import { accessLogList } from './access-log.js';
import { startErasure } from './erasure.js';

/** The record's fields in the seed's order, then when its data first entered the system. */
function details(record, fields) {
  return figures([
    ...fields.map(([name, value, wide]) => [t(`personalData.field.${name}`), value, wide]),
    [t('personalData.field.firstSeenAt'), dateTime(record.firstSeenAt), true],
  ], { id: 'record-details', class: 'figures compact' });
}

/** Reads the record; a record the base does not have is null, with the API's message kept. */
async function read(subject) {
  try {
    return { record: await api.get(apiPath(subject)) };
  } catch (error) {
    if (error.status !== 404) throw error;
    return { record: null, missing: error.message };
  }
}

/** The screen's heading with the way back and the buttons every record has. */
function recordHeader(subject, ...more) {
  return header(t('personalData.record.titleFor', { record: describe(subject) }),
    h('a', { class: 'button', href: '#/personal-data/search' }, t('personalData.record.back')),
    h('a', { class: 'button', href: screen(subject, '/disclosures'), id: 'record-disclosures' },
      t('personalData.disclosures.link')),
    reportLink(subject, { class: 'button', id: 'record-report' }), ...more);
}

const consentRow = (consent) => [
  consent.purpose,
  h('span', { class: `badge ${consent.given ? 'given' : 'withdrawn'}` },
    t(consent.given ? 'personalData.consent.given' : 'personalData.consent.withdrawn')),
  dateTime(consent.at), consent.source, h('span', { class: 'mono' }, consent.recordedBy),
];

/** The address of the last export's file in this page (one is kept). */
let savedFile = null;

/**
 * "Eksport danych (JSON)": asks for everything the suite holds about the person and saves it as
 * a file; the API's refusal (a service that did not answer) is shown instead. The saved file's
 * link stays, for saving it again.
 */
async function exportData(customerId, place, button) {
  place.replaceChildren(h('p', { class: 'loading' }, t('personalData.export.working')));
  button.disabled = true;
  try {
    const everything = await api.get(`${apiPath(customer(customerId))}/export`);
    if (savedFile) URL.revokeObjectURL(savedFile);
    savedFile = URL.createObjectURL(new Blob([JSON.stringify(everything, null, 2)], { type: 'application/json' }));
    const link = h('a', {
      href: savedFile, download: t('personalData.export.fileName', { id: customerId }), id: 'export-file',
    }, t('personalData.export.saveAgain'));
    place.replaceChildren(notice('success', [t('personalData.export.done'), ' ', link]));
    link.click();
  } catch (error) {
    place.replaceChildren(notice('error', error.message));
  } finally {
    button.disabled = false;
  }
}

export async function customerRecord(main, { customerId }, { go }) {
  const subject = customer(customerId);
  const { record, missing } = await read(subject);
  const place = h('div', { id: 'record-notice' });
  const log = accessLogList({ customerId }, { limit: 10, customerColumn: false });
  const exportButton = h('button', { type: 'button', id: 'export-data' }, t('personalData.export.button'));
  exportButton.addEventListener('click', async () => {
    await exportData(customerId, place, exportButton);
    log.reload();
  });
  const consents = pagedList(
    (cursor) => api.get(`${apiPath(subject)}/consents`, { cursor, limit: 10 }),
    (items) => table([t('personalData.consent.purpose'), t('personalData.consent.state'), t('personalData.consent.at'),
      t('personalData.consent.source'), t('personalData.consent.recordedBy')], items.map(consentRow),
    t('personalData.consent.none')));
  main.replaceChildren(
    recordHeader(subject, exportButton,
      h('button', { type: 'button', class: 'danger', id: 'erase-data', onclick: () => startErasure(customerId, place, go) },
        t('personalData.erasure.button'))),
    place,
    h('div', { class: 'columns' },
      card(t('personalData.record.customerBase'), record
        ? details(record, [
          ['login', h('span', { class: 'mono' }, orDash(record.login))], ['registeredAt', dateTime(record.registeredAt)],
          ['name', record.name, true], ['street', orDash(record.street), true], ['postcode', orDash(record.postcode)],
          ['city', orDash(record.city)], ['phone', orDash(record.phone)],
        ])
        : notice('info', missing)),
      card(t('personalData.consent.title'), h('div', { id: 'consents' }, consents.element))),
    card(t('personalData.accessLog.ofPerson'), h('div', { id: 'record-access-log' }, log.element)));
}

export async function orderRecord(main, { orderNumber }) {
  const subject = order(orderNumber);
  const { record, missing } = await read(subject);
  const shown = record
    ? [details(record, [
      ['login', h('span', { class: 'mono' }, orDash(record.login))], ['orderedAt', dateTime(record.orderedAt)],
      ['name', orDash(record.name), true], ['street', orDash(record.street), true], ['postcode', orDash(record.postcode)],
      ['city', orDash(record.city)], ['email', orDash(record.email)], ['phone', orDash(record.phone)],
      ['customer', customerLink(record.customerId)],
    ]), h('p', { class: 'hint' }, t(record.customerId ? 'personalData.record.customerHint' : 'personalData.record.guest'))]
    : [notice('info', missing)];
  main.replaceChildren(recordHeader(subject), card(t('personalData.record.orderBase'), ...shown));
}
