// Program settings: what earns, when the coefficient applies, reward prices, expiry.
import * as api from '../../api.js';
import { h, field, checkbox, select, header, card, onSubmit } from '../../dom.js';
import { t } from '../../i18n.js';

const ids = (text) => text.split(/[\s,]+/).map((id) => id.trim()).filter(Boolean);

export default async function program(main) {
  main.replaceChildren(header(t('loyalty.program.title')), h('p', { class: 'loading' }, t('common.loading')));
  const settings = await api.get('loyalty/program');
  const deduct = checkbox(t('loyalty.program.deductOnCancel'), { name: 'deductOnCancel', checked: settings.deductOnCancel });
  const coefficient = select(['points', 'requiredAmount'].map((v) => [v, t(`loyalty.coefficientApplies.${v}`)]),
    settings.coefficientApplies, { name: 'coefficientApplies' });
  const earn = select(['all', 'marked', 'allExceptExcluded', 'category'].map((v) => [v, t(`loyalty.earnEligibility.${v}`)]),
    settings.earnEligibility, { name: 'earnEligibility' });
  const earnCategory = h('input', { name: 'earnCategory', value: settings.earnCategory || '' });
  const earnProducts = h('textarea', { name: 'earnProductIds', rows: 2 });
  earnProducts.value = (settings.earnProductIds || []).join(', ');
  const reward = select(['marked', 'allExceptExcluded', 'category'].map((v) => [v, t(`loyalty.rewardEligibility.${v}`)]),
    settings.rewardEligibility, { name: 'rewardEligibility' });
  const rewardCategory = h('input', { name: 'rewardCategory', value: settings.rewardCategory || '' });
  const rewardProducts = h('textarea', { name: 'rewardProductIds', rows: 2 });
  rewardProducts.value = (settings.rewardProductIds || []).join(', ');
  const rate = h('input', { name: 'pointsPerCurrencyUnit', type: 'number', step: '0.0001', min: '0', required: true,
    value: settings.pointsPerCurrencyUnit });
  const expiry = h('input', { name: 'expiryMonths', type: 'number', min: '1', max: '1200', step: '1',
    value: settings.expiryMonths ?? '' });
  const place = h('div');
  // The category and the product list matter only for the eligibility modes that use them.
  const earnCategoryField = field(t('loyalty.program.earnCategory'), earnCategory);
  const earnProductsField = field(t('loyalty.program.earnProductIds'), earnProducts, t('loyalty.program.idsHint'));
  const rewardCategoryField = field(t('loyalty.program.rewardCategory'), rewardCategory);
  const rewardProductsField = field(t('loyalty.program.rewardProductIds'), rewardProducts, t('loyalty.program.idsHint'));
  function toggle() {
    earnCategoryField.hidden = earn.value !== 'category';
    earnProductsField.hidden = earn.value !== 'marked' && earn.value !== 'allExceptExcluded';
    rewardCategoryField.hidden = reward.value !== 'category';
    rewardProductsField.hidden = reward.value === 'category';
  }
  earn.addEventListener('change', toggle);
  reward.addEventListener('change', toggle);
  toggle();
  const form = h('form', { class: 'form narrow', id: 'program-form' },
    card(t('loyalty.program.earning'),
      deduct,
      field(t('loyalty.program.coefficientApplies'), coefficient, t('loyalty.program.coefficientHint')),
      h('div', { class: 'grid' }, field(t('loyalty.program.earnEligibility'), earn), earnCategoryField),
      earnProductsField),
    card(t('loyalty.program.spending'),
      h('div', { class: 'grid' }, field(t('loyalty.program.rewardEligibility'), reward), rewardCategoryField),
      rewardProductsField,
      h('div', { class: 'grid' },
        field(t('loyalty.program.pointsPerCurrencyUnit'), rate, t('loyalty.program.rateHint')),
        field(t('loyalty.program.expiryMonths'), expiry, t('loyalty.program.expiryHint')))),
    place,
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('common.save'))));
  onSubmit(form, place, async () => {
    await api.put('loyalty/program', {
      deductOnCancel: deduct.querySelector('input').checked,
      coefficientApplies: coefficient.value,
      earnEligibility: earn.value,
      earnCategory: earnCategory.value.trim() || null,
      earnProductIds: ids(earnProducts.value),
      rewardEligibility: reward.value,
      rewardCategory: rewardCategory.value.trim() || null,
      rewardProductIds: ids(rewardProducts.value),
      pointsPerCurrencyUnit: Number(rate.value),
      expiryMonths: expiry.value ? Number(expiry.value) : null,
    });
  }, t('common.saved'));
  main.replaceChildren(header(t('loyalty.program.title')), form);
}
