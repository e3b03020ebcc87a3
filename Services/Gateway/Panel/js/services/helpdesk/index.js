// The helpdesk's screens (seed "BOK"): the thread search, a thread with its messages, replies,
// notes and statuses, the standard replies ("Teksty dla BOK") and the response figures.
import threadSearch from './threads.js';
import threadView from './thread.js';
import standardReplies from './standard-replies.js';
import helpdeskStats from './stats.js';

export default {
  id: 'helpdesk',
  title: 'helpdesk.section',
  screens: [
    { path: 'threads', title: 'helpdesk.threads.title', render: threadSearch },
    { path: 'threads/:id', title: 'helpdesk.thread.title', render: threadView, menu: false, menuParent: 'threads' },
    { path: 'standard-replies', title: 'helpdesk.replies.title', render: standardReplies },
    { path: 'stats', title: 'helpdesk.stats.title', render: helpdeskStats },
  ],
};
