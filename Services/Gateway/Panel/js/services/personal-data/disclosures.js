// "Udostępnienia danych": the disclosures of a customer's or an order buyer's data (to the police
// at an authority's request, say), each with its date, recipient and scope, newest first. "Dodaj"
// above the table records one; each can be edited, or deleted after confirming.
import * as api from '../../api.js';
import { h, field, header, card, table, pagedList, notice, formDialog } from '../../dom.js';
import { t, dateTime, dateTimeInput, parseDateTimeInput } from '../../i18n.js';
import { customer, order, apiPath, screen, describe } from './format.js';

/** Adds a disclosure of `record`'s data, or edits `disclosure`; `done` runs after saving. */
function disclosureDialog(record, disclosure, done) {
  const disclosedAt = h('input', {
    name: 'disclosedAt', type: 'datetime-local', required: true, value: dateTimeInput(disclosure?.disclosedAt),
  });
  const recipient = h('input', { name: 'recipient', required: true, maxlength: 200, value: disclosure?.recipient || '' });
  const scope = h('textarea', { name: 'scope', required: true, maxlength: 2000, rows: 4, value: disclosure?.scope || '' });
  const title = disclosure
    ? t('personalData.disclosures.editTitle')
    : t('personalData.disclosures.addTitle', { record: describe(record) });
  formDialog(title, [
    field(t('personalData.disclosures.disclosedAt'), disclosedAt),
    field(t('personalData.disclosures.recipientLong'), recipient, t('personalData.disclosures.recipientHint')),
    field(t('personalData.disclosures.scopeLong'), scope, t('personalData.disclosures.scopeHint')),
  ], async () => {
    // An edit that leaves the date as shown keeps its instant to the second.
    const when = disclosure && disclosedAt.value === dateTimeInput(disclosure.disclosedAt)
      ? disclosure.disclosedAt : parseDateTimeInput(disclosedAt.value);
    const input = { disclosedAt: when, recipient: recipient.value.trim(), scope: scope.value };
    const saved = disclosure
      ? await api.put(`personal-data/disclosures/${disclosure.id}`, input)
      : await api.post(`${apiPath(record)}/disclosures`, input);
    await done(saved);
  });
  recipient.focus();
}

async function disclosures(main, record) {
  const listNotice = h('div');
  const list = pagedList(
    (cursor) => api.get(`${apiPath(record)}/disclosures`, { cursor, limit: 20 }),
    (items) => table(
      [t('personalData.disclosures.disclosedAt'), t('personalData.disclosures.recipient'),
        t('personalData.disclosures.scope'), t('personalData.disclosures.recordedBy'), ''],
      items.map((disclosure) => [
        dateTime(disclosure.disclosedAt), disclosure.recipient, h('div', { class: 'comment' }, disclosure.scope),
        h('span', { class: 'mono' }, disclosure.recordedBy),
        h('div', { class: 'row-actions' },
          h('button', {
            type: 'button', class: 'link', 'data-edit': disclosure.id,
            onclick: () => disclosureDialog(record, disclosure, refresh),
          }, t('common.edit')),
          h('button', {
            type: 'button', class: 'link danger', 'data-delete': disclosure.id, onclick: () => remove(disclosure),
          }, t('common.delete'))),
      ]), t('personalData.disclosures.none')));

  /** Redraws the list and puts the keyboard on the saved disclosure's row (its Edit button). */
  async function refresh(saved) {
    listNotice.replaceChildren();
    await list.reload();
    list.element.querySelector(`[data-edit='${saved.id}']`)?.focus();
  }
  async function remove(disclosure) {
    const question = t('personalData.disclosures.confirmDelete',
      { recipient: disclosure.recipient, date: dateTime(disclosure.disclosedAt) });
    if (!confirm(question)) return;
    listNotice.replaceChildren();
    try {
      await api.del(`personal-data/disclosures/${disclosure.id}`);
      await list.reload();
      main.querySelector('#new-disclosure')?.focus();
    } catch (error) {
      listNotice.replaceChildren(notice('error', error.message));
    }
  }
  main.replaceChildren(
    header(t('personalData.disclosures.titleFor', { record: describe(record) }),
      h('a', { class: 'button', href: screen(record) }, t('personalData.show')),
      h('button', {
        type: 'button', class: 'primary', id: 'new-disclosure', onclick: () => disclosureDialog(record, null, refresh),
      }, t('personalData.disclosures.add'))),
    h('p', { class: 'hint' }, t('personalData.disclosures.explanation')), listNotice, card(null, list.element));
}

export const customerDisclosures = (main, { customerId }) => disclosures(main, customer(customerId));
export const orderDisclosures = (main, { orderNumber }) => disclosures(main, order(orderNumber));
