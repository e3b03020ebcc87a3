// The panel's sections, one per service, in menu order. A service's screens live in
// ./<service>/ and its module exports `{ id, title, screens: [{ path, title, render, menu }] }`;
// adding a service's screens is adding its folder and one line here.
import loyalty from './loyalty/index.js';
import discounts from './discounts/index.js';
import helpdesk from './helpdesk/index.js';
import reviews from './reviews/index.js';
import personalData from './personal-data/index.js';

export default [loyalty, discounts, helpdesk, reviews, personalData];
