// How the review screens show a review's rating, author and flags.
import { h } from '../../dom.js';
import { t, number } from '../../i18n.js';

/** "4 ★★★★☆": the number for reading, the stars for the eye (hidden from screen readers). */
export function ratingCell(rating) {
  return h('span', { class: 'rating', title: t('reviews.review.ratingOf', { rating: number(rating) }) },
    number(rating), ' ', h('span', { class: 'stars', 'aria-hidden': 'true' }, '★'.repeat(rating) + '☆'.repeat(5 - rating)));
}

/** The author's name, the shop's customer id when there is one, and the verified-purchase mark. */
export function authorCell(review) {
  return h('span', { class: 'author' },
    review.authorName,
    review.customerId
      ? h('a', { class: 'mono customer', href: `#/loyalty/customers/${encodeURIComponent(review.customerId)}` },
        review.customerId)
      : null,
    review.verifiedPurchase ? h('span', { class: 'badge verified', 'data-verified': review.id }, t('reviews.review.verified')) : null);
}

/** YES or NO. */
export const yesNo = (flag) => (flag ? t('common.yes') : t('common.no'));
