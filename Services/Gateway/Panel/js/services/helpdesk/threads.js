// The thread search of the seed's "BOK": by any part of the subject, the sender's e-mail, the order
// number, the status and the days reported; no criteria lists every thread, newest first. Each
// result has its "Pokaż" (Show) link to the thread.
import * as api from '../../api.js';
import { h, field, header, card, table, pagedList } from '../../dom.js';
import { t, dateTime, dayBoundary } from '../../i18n.js';
import { statusBadge, statusSelect } from './format.js';

/** The last search's criteria as typed, so coming back from a thread shows the same results. */
const last = { subject: '', email: '', orderNumber: '', status: '', from: '', to: '' };

function row(thread) {
  return [
    h('span', { class: 'mono' }, String(thread.id)),
    dateTime(thread.createdAt),
    thread.email,
    h('span', { class: 'comment' }, thread.subject),
    h('span', { class: 'mono' }, thread.orderNumber),
    statusBadge(thread.status, { 'data-status': thread.id }),
    h('a', {
      href: `#/helpdesk/threads/${thread.id}`, 'data-show': thread.id,
      'aria-label': t('helpdesk.search.showThread', { id: thread.id }),
    }, t('helpdesk.search.show')),
  ];
}

export default async function threadSearch(main) {
  const subject = h('input', { name: 'subject', type: 'search', autocomplete: 'off', maxlength: 200, value: last.subject });
  const email = h('input', { name: 'email', type: 'email', autocomplete: 'off', value: last.email });
  const orderNumber = h('input', { name: 'orderNumber', autocomplete: 'off', value: last.orderNumber });
  const status = statusSelect(last.status, { name: 'status' }, t('common.all'));
  const from = h('input', { name: 'from', type: 'date', value: last.from });
  const to = h('input', { name: 'to', type: 'date', value: last.to });
  const filters = h('form', { class: 'form inline filters', id: 'thread-filters', role: 'search' },
    field(t('helpdesk.thread.subject'), subject, t('helpdesk.search.subjectHint')),
    field(t('helpdesk.thread.email'), email, t('helpdesk.search.emailHint')),
    field(t('helpdesk.thread.orderNumber'), orderNumber), field(t('helpdesk.thread.status'), status),
    field(t('helpdesk.search.from'), from), field(t('helpdesk.search.to'), to),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('helpdesk.search.submit'))));
  const place = h('div');

  /** Lists the threads matching the criteria as they are now; paging keeps these criteria. */
  function load() {
    Object.assign(last, {
      subject: subject.value, email: email.value, orderNumber: orderNumber.value, status: status.value,
      from: from.value, to: to.value,
    });
    const query = {
      limit: 20, subject: subject.value.trim(), email: email.value.trim(), orderNumber: orderNumber.value.trim(),
      status: status.value, from: dayBoundary(from.value), to: dayBoundary(to.value, true),
    };
    const list = pagedList(
      (cursor) => api.get('helpdesk/threads', { ...query, cursor }),
      (items) => table([t('helpdesk.thread.id'), t('helpdesk.thread.createdAt'), t('helpdesk.thread.sender'),
        t('helpdesk.thread.subject'), t('helpdesk.thread.orderNumber'), t('helpdesk.thread.status'), ''],
      items.map(row), t('helpdesk.search.none')));
    place.replaceChildren(list.element);
  }
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  main.replaceChildren(header(t('helpdesk.threads.title')), h('p', { class: 'hint' }, t('helpdesk.threads.explanation')),
    card(null, filters, place));
  load();
}
