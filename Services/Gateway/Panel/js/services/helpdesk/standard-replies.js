// "Ustawienia → Teksty dla BOK": the standard replies an operator picks instead of typing, each a
// title and a text whose placeholders are filled in from the thread.
import * as api from '../../api.js';
import { h, field, header, card, table, pagedList, notice, formDialog } from '../../dom.js';
import { t, dateTime } from '../../i18n.js';

function replyDialog(reply, done) {
  const title = h('input', { name: 'title', required: true, maxlength: 200, value: reply?.title || '' });
  const body = h('textarea', { name: 'body', required: true, maxlength: 10000, rows: 8, value: reply?.body || '' });
  formDialog(reply ? t('helpdesk.replies.editTitle', { title: reply.title }) : t('helpdesk.replies.new'), [
    field(t('helpdesk.replies.name'), title),
    field(t('helpdesk.replies.body'), body, t('helpdesk.replies.bodyHint')),
  ], async () => {
    const input = { title: title.value.trim(), body: body.value };
    if (reply) await api.put(`helpdesk/standard-replies/${reply.id}`, input);
    else await api.post('helpdesk/standard-replies', input);
    done();
  });
  title.focus();
}

export default async function standardReplies(main) {
  const listNotice = h('div');
  const list = pagedList(
    (cursor) => api.get('helpdesk/standard-replies', { cursor, limit: 20 }),
    (items) => table(
      [t('helpdesk.replies.name'), t('helpdesk.replies.body'), t('helpdesk.replies.updatedAt'), ''],
      items.map((reply) => [
        reply.title,
        h('div', { class: 'comment' }, reply.body),
        dateTime(reply.updatedAt),
        h('div', { class: 'row-actions' },
          h('button', { type: 'button', class: 'link', 'data-edit': reply.id, onclick: () => replyDialog(reply, list.reload) },
            t('common.edit')),
          h('button', { type: 'button', class: 'link danger', 'data-delete': reply.id, onclick: () => remove(reply) },
            t('common.delete'))),
      ]), t('helpdesk.replies.none')));
  async function remove(reply) {
    if (!confirm(t('helpdesk.replies.confirmDelete', { title: reply.title }))) return;
    listNotice.replaceChildren();
    try {
      await api.del(`helpdesk/standard-replies/${reply.id}`);
      list.reload();
    } catch (error) {
      listNotice.replaceChildren(notice('error', error.message));
    }
  }
  main.replaceChildren(
    header(t('helpdesk.replies.title'),
      h('button', { type: 'button', class: 'primary', id: 'new-reply', onclick: () => replyDialog(null, list.reload) },
        t('helpdesk.replies.new'))),
    h('p', { class: 'hint' }, t('helpdesk.replies.explanation')), listNotice, card(null, list.element));
}
