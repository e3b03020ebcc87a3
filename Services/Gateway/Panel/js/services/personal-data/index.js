// The personal data's screens (seed "Dane osobowe"): the search of the customer base and the order
// base, a person's record ("Pokaż") with its consents, access log, export and erasure, the
// disclosures of a customer's or an order buyer's data, an erasure's progress and the access log.
import personSearch from './search.js';
import { customerRecord, orderRecord } from './record.js';
import { customerDisclosures, orderDisclosures } from './disclosures.js';
import erasureProgress from './erasure.js';
import accessLog from './access-log.js';

const inSearch = { menu: false, menuParent: 'search' };

export default {
  id: 'personal-data',
  title: 'personalData.section',
  screens: [
    { path: 'search', title: 'personalData.search.title', render: personSearch },
    { path: 'customers/:customerId', title: 'personalData.record.title', render: customerRecord, ...inSearch },
    { path: 'orders/:orderNumber', title: 'personalData.record.title', render: orderRecord, ...inSearch },
    { path: 'customers/:customerId/disclosures', title: 'personalData.disclosures.title', render: customerDisclosures,
      ...inSearch },
    { path: 'orders/:orderNumber/disclosures', title: 'personalData.disclosures.title', render: orderDisclosures,
      ...inSearch },
    { path: 'erasures/:id', title: 'personalData.erasure.title', render: erasureProgress, ...inSearch },
    { path: 'access-log', title: 'personalData.accessLog.title', render: accessLog },
  ],
};
