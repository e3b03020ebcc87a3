// "Assign codes": the customers matching the criteria (at least one) each get a free code of the
// campaign, optionally by e-mail; the matching customers' e-mails can be exported as CSV.
import * as api from '../../api.js';
import { h, field, checkbox, header, card, notice, onSubmit } from '../../dom.js';
import { t, number, parseMoney } from '../../i18n.js';

export default async function assignCodes(main, { id }) {
  const campaign = await api.get(`discounts/campaigns/${api.segment(id)}`);
  const value = h('input', { name: 'ordersValueFrom', inputmode: 'decimal' });
  const count = h('input', { name: 'ordersCountFrom', type: 'number', min: '1', step: '1' });
  const from = h('input', { name: 'orderedFrom', type: 'date' });
  const to = h('input', { name: 'orderedTo', type: 'date' });
  const notify = checkbox(t('discounts.assign.notify'), { name: 'notify' });
  const place = h('div', { id: 'assign-result' });

  function criteria() {
    const body = {};
    if (value.value.trim()) {
      body.ordersValueFrom = parseMoney(value.value);
      if (body.ordersValueFrom === null) throw new Error(t('discounts.generate.badAmount'));
    }
    if (count.value) body.ordersCountFrom = Number(count.value);
    if (from.value) body.orderedFrom = `${from.value}T00:00:00Z`;
    if (to.value) body.orderedTo = `${to.value}T23:59:59Z`;
    if (Object.keys(body).length === 0) throw new Error(t('discounts.assign.needCriterion'));
    return body;
  }
  const exportLink = h('a', { class: 'button', id: 'recipients-csv', download: `campaign-${campaign.id}-recipients.csv`,
    href: '#', onclick: (event) => {
      try {
        exportLink.href = api.url(`discounts/campaigns/${campaign.id}/assignments/recipients.csv`, criteria());
      } catch (error) {
        event.preventDefault();
        place.replaceChildren(notice('error', error.message));
      }
    } }, t('discounts.assign.export'));

  const form = h('form', { class: 'form narrow', id: 'assign-form' },
    card(t('discounts.assign.criteria'),
      h('p', { class: 'hint' }, t('discounts.assign.explanation')),
      h('div', { class: 'grid' }, field(t('discounts.assign.ordersValueFrom'), value), field(t('discounts.assign.ordersCountFrom'), count)),
      h('div', { class: 'grid' }, field(t('discounts.assign.orderedFrom'), from), field(t('discounts.assign.orderedTo'), to)),
      notify),
    place,
    h('div', { class: 'buttons' }, exportLink, h('button', { type: 'submit', class: 'primary' }, t('discounts.assign.submit'))));
  onSubmit(form, place, async () => {
    const body = { ...criteria(), notify: notify.querySelector('input').checked };
    const result = await api.post(`discounts/campaigns/${api.segment(id)}/assignments`, body);
    place.replaceChildren(notice('success', t('discounts.assign.result', {
      matched: number(result.matched), assigned: number(result.assigned),
      already: number(result.alreadyAssigned), notified: number(result.notified),
    })));
  });
  main.replaceChildren(
    header(t('discounts.assign.titleFor', { name: campaign.name }),
      h('a', { class: 'button', href: `#/discounts/campaigns/${campaign.id}` }, t('discounts.campaign.details'))),
    form);
}
