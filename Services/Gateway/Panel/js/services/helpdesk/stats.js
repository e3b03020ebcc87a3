// The helpdesk's figures: how fast threads reported in a period got their first answer and were
// closed (mean and median), and how many threads are open now in each status.
import * as api from '../../api.js';
import { h, field, header, card, table, figures, notice } from '../../dom.js';
import { t, number, duration, dayBoundary } from '../../i18n.js';
import { statuses, statusBadge } from './format.js';

/** How many, the mean and the median of one kind of duration. */
const times = (counted, durations) => figures([
  [counted, number(durations.count)],
  [t('helpdesk.stats.average'), duration(durations.averageSeconds)],
  [t('helpdesk.stats.median'), duration(durations.medianSeconds)],
]);

export default async function helpdeskStats(main) {
  const from = h('input', { name: 'from', type: 'date' });
  const to = h('input', { name: 'to', type: 'date' });
  const filters = h('form', { class: 'form inline filters', id: 'stats-filters' },
    field(t('helpdesk.search.from'), from), field(t('helpdesk.search.to'), to),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('helpdesk.stats.submit'))));
  const place = h('div', { id: 'helpdesk-stats', 'aria-live': 'polite' });

  async function load() {
    place.replaceChildren(h('p', { class: 'loading' }, t('common.loading')));
    try {
      const stats = await api.get('helpdesk/stats', { from: dayBoundary(from.value), to: dayBoundary(to.value, true) });
      const open = statuses.filter((status) => status in stats.openByStatus);
      const openTotal = open.reduce((sum, status) => sum + stats.openByStatus[status], 0);
      place.replaceChildren(
        figures([[t('helpdesk.stats.threads'), number(stats.threads)], [t('helpdesk.stats.openTotal'), number(openTotal)]]),
        h('div', { class: 'columns' },
          h('div', {},
            h('h2', {}, t('helpdesk.stats.firstResponse')),
            h('div', { id: 'first-response' }, times(t('helpdesk.stats.answered'), stats.firstResponse)),
            h('h2', {}, t('helpdesk.stats.resolution')),
            h('div', { id: 'resolution' }, times(t('helpdesk.stats.closed'), stats.resolution))),
          h('div', { id: 'open-by-status' },
            h('h2', {}, t('helpdesk.stats.open')),
            table([t('helpdesk.thread.status'), t('helpdesk.stats.count')],
              open.map((status) => [statusBadge(status), number(stats.openByStatus[status])])))));
    } catch (error) {
      place.replaceChildren(notice('error', error.message));
    }
  }
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  main.replaceChildren(header(t('helpdesk.stats.title')), h('p', { class: 'hint' }, t('helpdesk.stats.explanation')),
    card(null, filters, place));
  await load();
}
