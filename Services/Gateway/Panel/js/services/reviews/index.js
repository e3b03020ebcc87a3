// The reviews' screens (seed "Komentarze/Oceny"): the search where each review is moderated —
// activated, edited or deleted — and a review's history of changes.
import { reviewSearch } from './reviews.js';
import reviewHistory from './history.js';

export default {
  id: 'reviews',
  title: 'reviews.section',
  screens: [
    { path: 'comments', title: 'reviews.list.title', render: reviewSearch },
    { path: 'comments/:id/history', title: 'reviews.history.title', render: reviewHistory, menu: false,
      menuParent: 'comments' },
  ],
};
