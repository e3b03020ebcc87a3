// The loyalty programme's screens.
import program from './program.js';
import rules from './rules.js';
import { customerSearch, customerCard } from './customers.js';
import rewards from './rewards.js';
import exchangeOrders from './exchange-orders.js';

export default {
  id: 'loyalty',
  title: 'loyalty.section',
  screens: [
    { path: 'exchange-orders', title: 'loyalty.exchange.title', render: exchangeOrders },
    { path: 'customers', title: 'loyalty.customers.title', render: customerSearch },
    { path: 'customers/:customerId', title: 'loyalty.customer.title', render: customerCard, menu: false,
      menuParent: 'customers' },
    { path: 'rules', title: 'loyalty.rules.title', render: rules },
    { path: 'rewards', title: 'loyalty.rewards.title', render: rewards },
    { path: 'program', title: 'loyalty.program.title', render: program },
  ],
};
