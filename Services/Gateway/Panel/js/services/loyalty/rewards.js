// The rewards catalogue: which products can be exchanged and for how many points — a price in
// points set by hand, or computed from the money price by the program's rate.
import * as api from '../../api.js';
import { h, field, checkbox, header, card, table, pagedList, notice, formDialog } from '../../dom.js';
import { t, number, money, parseMoney, moneyInput } from '../../i18n.js';

function rewardDialog(reward, done) {
  const productId = h('input', { name: 'productId', required: true, value: reward?.productId || '',
    readonly: reward ? 'readonly' : null });
  const name = h('input', { name: 'name', required: true, value: reward?.name || '' });
  const category = h('input', { name: 'category', value: reward?.category || '' });
  const moneyPrice = h('input', { name: 'moneyPrice', inputmode: 'decimal', value: moneyInput(reward?.moneyPrice) });
  const currency = h('input', { name: 'currency', value: reward?.currency || 'PLN', maxlength: 3, size: 3 });
  const manual = reward?.pointsPriceSetByHand ? reward.pointsPrice : null;
  const pointsPrice = h('input', { name: 'pointsPrice', type: 'number', min: '1', step: '1', value: manual ?? '' });
  const active = checkbox(t('loyalty.rewards.active'), { name: 'active', checked: reward ? reward.active : true });
  formDialog(reward ? t('loyalty.rewards.editTitle', { name: reward.name }) : t('loyalty.rewards.new'), [
    field(t('loyalty.rewards.productId'), productId), field(t('loyalty.rewards.name'), name),
    field(t('loyalty.rewards.category'), category),
    h('div', { class: 'grid' }, field(t('loyalty.rewards.moneyPrice'), moneyPrice), field(t('loyalty.rewards.currency'), currency)),
    field(t('loyalty.rewards.pointsPrice'), pointsPrice, t('loyalty.rewards.pointsPriceHint')),
    active,
  ], async () => {
    const body = { name: name.value.trim(), category: category.value.trim() || undefined,
      active: active.querySelector('input').checked };
    // A money price goes with its currency; a reward priced in points alone needs neither.
    if (moneyPrice.value.trim()) {
      const minor = parseMoney(moneyPrice.value);
      if (minor === null) throw new Error(t('loyalty.rewards.badPrice'));
      body.moneyPrice = minor;
      body.currency = currency.value.trim().toUpperCase();
    }
    if (pointsPrice.value) body.pointsPrice = Number(pointsPrice.value);
    await api.put(`loyalty/rewards/${api.segment(productId.value.trim())}`, body);
    done();
  });
}

export default async function rewards(main) {
  const listNotice = h('div');
  const list = pagedList(
    (cursor) => api.get('loyalty/rewards', { cursor, limit: 20 }),
    (items) => table(
      [t('loyalty.rewards.productId'), t('loyalty.rewards.name'), t('loyalty.rewards.category'),
        t('loyalty.rewards.moneyPrice'), t('loyalty.rewards.pointsPrice'), t('loyalty.rewards.active'),
        t('loyalty.rewards.eligible'), ''],
      items.map((reward) => [
        h('span', { class: 'mono' }, reward.productId), reward.name, reward.category || '—',
        reward.moneyPrice === null || reward.moneyPrice === undefined ? '—' : money(reward.moneyPrice, reward.currency),
        number(reward.pointsPrice), reward.active ? t('common.yes') : t('common.no'),
        reward.eligible ? t('common.yes') : h('span', { class: 'muted' }, t('common.no')),
        h('div', { class: 'row-actions' },
          h('button', { type: 'button', class: 'link', onclick: () => rewardDialog(reward, list.reload) }, t('common.edit')),
          h('button', { type: 'button', class: 'link danger', onclick: () => remove(reward) }, t('common.delete'))),
      ])));
  async function remove(reward) {
    if (!confirm(t('loyalty.rewards.confirmDelete', { name: reward.name }))) return;
    listNotice.replaceChildren();
    try {
      await api.del(`loyalty/rewards/${api.segment(reward.productId)}`);
      list.reload();
    } catch (error) {
      listNotice.replaceChildren(notice('error', error.message));
    }
  }
  main.replaceChildren(
    header(t('loyalty.rewards.title'),
      h('button', { type: 'button', class: 'primary', id: 'new-reward', onclick: () => rewardDialog(null, list.reload) }, t('loyalty.rewards.new'))),
    h('p', { class: 'hint' }, t('loyalty.rewards.explanation')), listNotice, card(null, list.element));
}
