// The discount codes' screens (seed "Kody rabatowe"): campaign search, generating codes with a
// mask and its preview, a campaign's details, codes, statistics and assignment by criteria.
import { campaignSearch } from './campaigns.js';
import campaignForm from './campaign-form.js';
import { campaignDetails, campaignStats } from './campaign.js';
import campaignCodes from './codes.js';
import assignCodes from './assign.js';

export default {
  id: 'discounts',
  title: 'discounts.section',
  screens: [
    { path: 'campaigns', title: 'discounts.campaigns.title', render: campaignSearch },
    { path: 'campaigns/new', title: 'discounts.generate.title', render: campaignForm },
    { path: 'campaigns/:id', title: 'discounts.campaign.title', render: campaignDetails, menu: false,
      menuParent: 'campaigns' },
    { path: 'campaigns/:id/codes', title: 'discounts.codes.title', render: campaignCodes, menu: false,
      menuParent: 'campaigns' },
    { path: 'campaigns/:id/stats', title: 'discounts.stats.title', render: campaignStats, menu: false,
      menuParent: 'campaigns' },
    { path: 'campaigns/:id/assign', title: 'discounts.assign.title', render: assignCodes, menu: false,
      menuParent: 'campaigns' },
  ],
};
