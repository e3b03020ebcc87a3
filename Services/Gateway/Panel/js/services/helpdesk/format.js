// How the helpdesk screens name a thread's status, and a standard reply's text for a thread.
import { h, select } from '../../dom.js';
import { t } from '../../i18n.js';

/** The eight statuses of the seed's "BOK", in its order. */
export const statuses = [
  'reported', 'operatorReplied', 'customerReplied', 'closed',
  'forwardedMarketing', 'forwardedSales', 'forwardedPayments', 'forwardedManager',
];

/** "Odpowiedź operatora". */
export const statusName = (status) => t(`helpdesk.status.${status}`);

/** The status as a badge coloured by where the thread stands. */
export function statusBadge(status, attributes = {}) {
  return h('span', { class: `badge thread-${status}`, ...attributes }, statusName(status));
}

/** A select of the statuses, with `anyLabel` first as the empty choice when given. */
export function statusSelect(selected, attributes, anyLabel) {
  const choices = statuses.map((status) => [status, statusName(status)]);
  return select(anyLabel ? [['', anyLabel], ...choices] : choices, selected, attributes);
}

/** A standard reply's text for `thread`: each placeholder replaced as the service replaces it. */
export function fillPlaceholders(text, thread) {
  const values = {
    orderNumber: thread.orderNumber, subject: thread.subject, email: thread.email, threadId: String(thread.id),
  };
  return text.replace(/\{(orderNumber|subject|email|threadId)\}/g, (_, name) => values[name]);
}
