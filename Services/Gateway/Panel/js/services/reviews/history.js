// One review's history: who changed it, when, and each field's value before and after — with the
// review as it is now and its product's rating summary, while the review exists.
import * as api from '../../api.js';
import { h, header, card, table, figures, pagedList } from '../../dom.js';
import { t, number, dateTime } from '../../i18n.js';
import { ratingCell, authorCell, yesNo } from './format.js';
import { editDialog, deleteReview } from './reviews.js';

/** A field's value as the history holds it: text, a number or a truth value; absent is a dash. */
function value(field, held) {
  if (held === null || held === undefined) return h('span', { class: 'muted' }, '—');
  if (typeof held === 'boolean') return yesNo(held);
  if (typeof held === 'number') return field === 'rating' ? ratingCell(held) : number(held);
  return h('q', { class: 'comment' }, held);
}

function changes(entry) {
  if (entry.changes.length === 0) return '—';
  return h('ul', { class: 'changes' }, entry.changes.map((change) => h('li', {},
    h('span', { class: 'field-name' }, t(`reviews.field.${change.field}`)), ': ',
    value(change.field, change.from), ' → ', value(change.field, change.to))));
}

/** The product's published reviews in figures: how many, their average and each rating's count. */
async function summary(productId) {
  const rated = await api.get(`reviews/products/${api.segment(productId)}/summary`);
  const histogram = [5, 4, 3, 2, 1].map((rating) => `${rating}★ ${number(rated.histogram[rating])}`).join(' · ');
  return figures([
    [t('reviews.summary.count'), number(rated.count)],
    [t('reviews.summary.average'), rated.average === null ? '—' : number(rated.average)],
    [t('reviews.summary.histogram'), histogram, true],
  ], { id: 'product-summary' });
}

export default async function reviewHistory(main, { id }, { go }) {
  const place = h('div');
  let review = null;
  try {
    review = await api.get(`reviews/reviews/${api.segment(id)}`);
  } catch (error) {
    // A deleted review keeps its history; anything else is the API's message.
    if (error.status !== 404) throw error;
  }
  const history = pagedList(
    (cursor) => api.get(`reviews/reviews/${api.segment(id)}/history`, { cursor, limit: 20 }),
    (items) => table(
      [t('reviews.history.when'), t('reviews.history.actor'), t('reviews.history.action'), t('reviews.history.changes')],
      items.map((entry) => [dateTime(entry.at), h('span', { class: 'mono' }, entry.actor),
        t(`reviews.action.${entry.action}`), changes(entry)])));
  const back = h('a', { class: 'button', href: '#/reviews/comments' }, t('reviews.history.back'));
  if (!review) {
    main.replaceChildren(header(t('reviews.history.titleFor', { id }), back),
      h('p', { class: 'hint' }, t('reviews.history.deleted')), card(null, history.element));
    return;
  }
  const reload = () => reviewHistory(main, { id }, { go });
  main.replaceChildren(
    header(t('reviews.history.titleFor', { id }), back,
      h('button', { type: 'button', id: 'edit-review', onclick: () => editDialog(review, reload) }, t('common.edit')),
      h('button', {
        type: 'button', class: 'danger', id: 'delete-review',
        onclick: async () => { if (await deleteReview(review, place)) go('reviews/comments'); },
      }, t('common.delete'))),
    place,
    h('div', { class: 'columns' },
      card(t('reviews.history.title'), history.element),
      card(review.productName,
        h('blockquote', { class: 'comment', id: 'review-comment' }, review.comment),
        figures([
          [t('reviews.review.rating'), ratingCell(review.rating)],
          [t('reviews.review.published'), yesNo(review.published)],
          [t('reviews.review.moderated'), yesNo(review.moderated)],
          [t('reviews.review.active'), yesNo(review.active)],
          [t('reviews.review.author'), authorCell(review), true],
          [t('reviews.review.createdAt'), dateTime(review.createdAt), true],
        ]),
        h('h2', {}, t('reviews.summary.title')), await summary(review.productId))));
}
