// One thread, as the seed's "Pokaż" shows it: its status and dates, every message oldest first
// (internal notes marked as such), "Ustaw status", the reply area — typed, or a standard reply
// picked and edited — with "Wyślij" (e-mails the customer a link) and "Zapisz jako notatkę"
// (internal), and the history of its statuses.
import * as api from '../../api.js';
import { h, field, header, card, table, figures, pagedList, notice, onSubmit } from '../../dom.js';
import { t, dateTime } from '../../i18n.js';
import { statusBadge, statusName, statusSelect, fillPlaceholders } from './format.js';

function message(entry) {
  const kind = entry.note ? 'note' : entry.from;
  return h('li', { class: `message ${kind}`, 'data-message': entry.id, 'data-note': entry.note ? 'true' : null, tabindex: '-1' },
    h('article', { 'aria-label': entry.note ? t('helpdesk.message.note') : t(`helpdesk.message.${entry.from}`) },
      h('header', { class: 'message-header' },
        h('strong', {}, t(`helpdesk.message.${entry.from}`)),
        h('span', { class: 'mono' }, entry.author),
        h('time', { datetime: entry.createdAt }, dateTime(entry.createdAt)),
        entry.note ? h('span', { class: 'badge note' }, t('helpdesk.message.note')) : null,
        entry.standardReplyId ? h('span', { class: 'muted' }, t('helpdesk.message.fromReply', { id: entry.standardReplyId })) : null),
      h('div', { class: 'message-body' }, entry.body)));
}

function history(changes) {
  return table([t('helpdesk.history.when'), t('helpdesk.history.actor'), t('helpdesk.history.change')],
    changes.map((change) => [dateTime(change.at), h('span', { class: 'mono' }, change.actor),
      h('span', {}, change.from ? statusName(change.from) : '—', ' → ', statusName(change.to))]));
}

/** The reply area: the standard replies to pick from (page by page), the text, and its two buttons. */
function replyForm(thread, sent) {
  const text = h('textarea', { name: 'body', required: true, maxlength: 10000, rows: 8 });
  const pickedLine = h('p', { class: 'hint', id: 'picked-reply', 'aria-live': 'polite' });
  const place = h('div');
  const keyFor = api.idempotencyKeys();
  let picked = null;

  function unpick() {
    picked = null;
    pickedLine.replaceChildren();
    text.focus();
  }
  function pick(reply) {
    const typed = text.value.trim() && text.value !== picked?.text;
    if (typed && !confirm(t('helpdesk.reply.confirmReplace', { title: reply.title }))) return;
    picked = { id: reply.id, text: fillPlaceholders(reply.body, thread) };
    text.value = picked.text;
    pickedLine.replaceChildren(t('helpdesk.reply.picked', { title: reply.title }), ' ',
      h('button', { type: 'button', class: 'link', id: 'unpick-reply', onclick: unpick }, t('helpdesk.reply.unpick')));
    text.focus();
  }
  const replies = pagedList(
    (cursor) => api.get('helpdesk/standard-replies', { cursor, limit: 10 }),
    (items) => table([t('helpdesk.replies.name'), t('helpdesk.replies.body'), ''], items.map((reply) => [
      reply.title,
      h('div', { class: 'excerpt' }, reply.body),
      h('button', {
        type: 'button', class: 'link', 'data-pick': reply.id, onclick: () => pick(reply),
        'aria-label': t('helpdesk.reply.pickReply', { title: reply.title }),
      }, t('helpdesk.reply.pick')),
    ]), t('helpdesk.reply.noReplies')));

  const form = h('form', { class: 'form', id: 'reply-form' },
    h('h3', {}, t('helpdesk.reply.standard')), replies.element,
    field(t('helpdesk.reply.text'), text, t('helpdesk.reply.textHint')), pickedLine, place,
    h('div', { class: 'buttons' },
      h('button', { type: 'submit', value: 'note', id: 'save-note' }, t('helpdesk.reply.saveNote')),
      h('button', { type: 'submit', value: 'reply', class: 'primary', id: 'send-reply' }, t('helpdesk.reply.send'))));
  onSubmit(form, place, async (submitter) => {
    const kind = submitter?.value === 'note' ? 'note' : 'reply';
    // The text as the operator left it goes, with the standard reply it came from kept beside it.
    const body = { body: text.value, standardReplyId: picked?.id, kind };
    const posted = await api.post(`helpdesk/threads/${thread.id}/messages`, body, { 'Idempotency-Key': keyFor(body) });
    await sent(posted, kind);
  });
  return form;
}

/** The thread `id`; `after` says what was just done (`flash`) and where the keyboard goes (`focus`). */
export default async function threadView(main, { id }, context, after = {}) {
  const detail = await api.get(`helpdesk/threads/${api.segment(id)}`);
  const thread = detail.thread;
  const reload = (flash, focus) => threadView(main, { id }, context, { flash, focus });

  const newStatus = statusSelect(thread.status, { name: 'status' });
  const statusPlace = h('div');
  const statusForm = h('form', { class: 'form inline', id: 'status-form' },
    field(t('helpdesk.thread.newStatus'), newStatus),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('helpdesk.thread.setStatus'))));
  onSubmit(statusForm, statusPlace, async () => {
    await api.put(`helpdesk/threads/${thread.id}/status`, { status: newStatus.value });
    await reload(t('helpdesk.thread.statusSet', { status: statusName(newStatus.value) }), '#status-form select');
  });

  const sent = (posted, kind) => reload(t(kind === 'note' ? 'helpdesk.reply.noteSaved' : 'helpdesk.reply.sent'),
    `[data-message='${posted.id}']`);
  const customer = thread.customerId
    ? h('a', { class: 'mono', href: `#/loyalty/customers/${encodeURIComponent(thread.customerId)}` }, thread.customerId)
    : '—';
  main.replaceChildren(
    header(t('helpdesk.thread.titleFor', { id: thread.id, subject: thread.subject }),
      h('a', { class: 'button', href: '#/helpdesk/threads' }, t('helpdesk.thread.back'))),
    h('div', {}, after.flash ? notice('success', after.flash) : null),
    h('div', { class: 'columns' },
      h('div', {},
        card(t('helpdesk.thread.messages'), h('ol', { class: 'messages', id: 'messages' }, detail.messages.map(message))),
        card(t('helpdesk.reply.title'), replyForm(thread, sent))),
      h('div', {},
        card(t('helpdesk.thread.details'),
          figures([
            [t('helpdesk.thread.status'), statusBadge(thread.status, { id: 'thread-status' }), true],
            [t('helpdesk.thread.orderNumber'), h('span', { class: 'mono' }, thread.orderNumber)],
            [t('helpdesk.thread.customer'), customer],
            [t('helpdesk.thread.sender'), thread.email, true],
            [t('helpdesk.thread.createdAt'), dateTime(thread.createdAt)],
            [t('helpdesk.thread.updatedAt'), dateTime(thread.updatedAt)],
            [t('helpdesk.thread.firstResponseAt'), dateTime(thread.firstResponseAt)],
            [t('helpdesk.thread.closedAt'), dateTime(thread.closedAt)],
          ], { id: 'thread-details', class: 'figures compact' }),
          statusForm, statusPlace),
        card(t('helpdesk.thread.history'), h('div', { id: 'status-history' }, history(detail.statusChanges))))));
  if (after.focus) main.querySelector(after.focus)?.focus();
}
