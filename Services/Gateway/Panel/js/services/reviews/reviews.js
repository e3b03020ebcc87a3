// The review search of the seed's "Komentarze/Oceny": by any part of the comment, the days it was
// posted, its rating, and whether it is moderated and active; each review with its buttons —
// Activate (while inactive), Edit, Delete and History.
import * as api from '../../api.js';
import { h, field, checkbox, select, header, card, table, pagedList, notice, formDialog } from '../../dom.js';
import { t, dateTime, dayBoundary } from '../../i18n.js';
import { ratingCell, authorCell, yesNo } from './format.js';

const ratings = [1, 2, 3, 4, 5];

/** Edits the comment, rating and activity; saving approves the edit, which marks it moderated. */
export function editDialog(review, changed) {
  const comment = h('textarea', { name: 'comment', required: true, maxlength: 4000, rows: 6, value: review.comment });
  const rating = select(ratings.map((value) => [value, String(value)]), review.rating, { name: 'rating' });
  const active = checkbox(t('reviews.review.active'), { name: 'active', checked: review.active });
  formDialog(t('reviews.edit.title', { author: review.authorName, product: review.productName }), [
    h('p', { class: 'hint' }, t('reviews.edit.explanation')),
    field(t('reviews.review.comment'), comment),
    field(t('reviews.review.rating'), rating),
    active,
  ], async () => {
    changed(await api.request('PATCH', `reviews/reviews/${review.id}`, { body: {
      comment: comment.value, rating: Number(rating.value), active: active.querySelector('input').checked,
    } }));
  });
  comment.focus();
}

/** Deletes after a confirmation; the review's history stays. */
export async function deleteReview(review, place) {
  if (!confirm(t('reviews.confirmDelete', { author: review.authorName, product: review.productName }))) return false;
  try {
    await api.del(`reviews/reviews/${review.id}`);
    return true;
  } catch (error) {
    place.replaceChildren(notice('error', error.message));
    return false;
  }
}

export async function reviewSearch(main) {
  const text = h('input', { name: 'q', type: 'search', autocomplete: 'off', maxlength: 4000 });
  const from = h('input', { name: 'from', type: 'date' });
  const to = h('input', { name: 'to', type: 'date' });
  const rating = select([['', t('reviews.search.anyRating')], ...ratings.map((value) => [value, String(value)])], '',
    { name: 'rating' });
  const either = (name) => select([['', t('common.all')], ['true', t('common.yes')], ['false', t('common.no')]], '', { name });
  const moderated = either('moderated');
  const active = either('active');
  const filters = h('form', { class: 'form inline filters', id: 'review-filters', role: 'search' },
    field(t('reviews.review.comment'), text, t('reviews.search.commentHint')),
    field(t('reviews.search.from'), from), field(t('reviews.search.to'), to),
    field(t('reviews.review.rating'), rating), field(t('reviews.review.moderated'), moderated),
    field(t('reviews.review.active'), active),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('reviews.search.submit'))));
  const listNotice = h('div');
  const place = h('div');
  let list;

  /** Redraws the page and puts the keyboard back on the review's row (its Edit button). */
  async function refresh(review) {
    await list.reload();
    place.querySelector(`[data-edit='${review.id}']`)?.focus();
  }

  async function activate(review) {
    listNotice.replaceChildren();
    try {
      await api.post(`reviews/reviews/${review.id}/activation`);
      await refresh(review);
    } catch (error) {
      listNotice.replaceChildren(notice('error', error.message));
    }
  }

  function row(review) {
    return [
      review.productName,
      h('div', { class: 'comment' }, review.comment),
      ratingCell(review.rating),
      dateTime(review.createdAt),
      authorCell(review),
      h('span', { 'data-moderated': review.id }, yesNo(review.moderated)),
      h('span', { 'data-active': review.id }, yesNo(review.active)),
      h('div', { class: 'row-actions' },
        review.active ? null : h('button', {
          type: 'button', class: 'link', 'data-activate': review.id, onclick: () => activate(review),
        }, t('reviews.activate')),
        h('button', {
          type: 'button', class: 'link', 'data-edit': review.id,
          onclick: () => editDialog(review, () => refresh(review)),
        }, t('common.edit')),
        h('button', {
          type: 'button', class: 'link danger', 'data-delete': review.id,
          onclick: async () => { if (await deleteReview(review, listNotice)) list.reload(); },
        }, t('common.delete')),
        h('a', { href: `#/reviews/comments/${review.id}/history`, 'data-history': review.id }, t('reviews.history.link'))),
    ];
  }

  function load() {
    listNotice.replaceChildren();
    list = pagedList(
      (cursor) => api.get('reviews/reviews', {
        cursor, limit: 20, q: text.value.trim(), from: dayBoundary(from.value), to: dayBoundary(to.value, true),
        rating: rating.value, moderated: moderated.value, active: active.value,
      }),
      (items) => table([t('reviews.review.product'), t('reviews.review.comment'), t('reviews.review.rating'),
        t('reviews.review.createdAt'), t('reviews.review.author'), t('reviews.review.moderated'),
        t('reviews.review.active'), ''], items.map(row), t('reviews.search.none')));
    place.replaceChildren(list.element);
  }
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  main.replaceChildren(header(t('reviews.list.title')), h('p', { class: 'hint' }, t('reviews.list.explanation')),
    listNotice, card(null, filters, place));
  load();
}
