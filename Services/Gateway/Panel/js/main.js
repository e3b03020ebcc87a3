// The panel's shell: sign-in, the menu of every service's screens, the language switch and a
// hash router (#/loyalty/rules) that renders one screen at a time. Any error a screen throws is
// shown in its place, so the page is never blank.
import * as api from './api.js';
import { h, notice, field } from './dom.js';
import { t, languages, language, setLanguage } from './i18n.js';
import sections from './services/index.js';

const app = document.getElementById('app');
let session = null;

/** Every screen with its full path (`loyalty/rules`) and its section. */
const screens = sections.flatMap((section) =>
  section.screens.map((screen) => ({ ...screen, section, fullPath: `${section.id}/${screen.path}` })));

function currentRoute() {
  const path = decodeURIComponent(location.hash.replace(/^#\/?/, ''));
  const parts = path.split('/').filter(Boolean);
  for (const screen of screens) {
    const pattern = screen.fullPath.split('/');
    if (pattern.length !== parts.length) continue;
    const params = {};
    const matches = pattern.every((segment, index) => {
      if (segment.startsWith(':')) {
        params[segment.slice(1)] = parts[index];
        return true;
      }
      return segment === parts[index];
    });
    if (matches) return { screen, params };
  }
  return null;
}

/** Navigates to a screen path (`loyalty/customers/c-42`). */
export function go(path) {
  location.hash = `#/${path}`;
}

function languageSwitch() {
  const choice = h('select', { id: 'language', 'aria-label': t('shell.language') },
    Object.entries(languages).map(([code, pack]) =>
      h('option', { value: code, selected: code === language() ? 'selected' : null }, pack.name)));
  choice.addEventListener('change', () => {
    setLanguage(choice.value);
    render();
  });
  return choice;
}

function signInScreen(message) {
  const key = h('input', { type: 'password', name: 'key', autocomplete: 'off', required: true, autofocus: true });
  const place = h('div', {}, message ? notice('info', message) : null);
  const form = h('form', { class: 'form signin', id: 'signin' },
    h('h1', {}, t('signin.title')),
    h('p', { class: 'hint' }, t('signin.explanation')),
    field(t('signin.key'), key),
    place,
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('signin.submit'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    place.replaceChildren();
    try {
      session = await api.post('auth/sessions', { key: key.value });
      key.value = '';
      api.setSession(session);
      render();
    } catch (error) {
      place.replaceChildren(notice('error', error.message));
    }
  });
  app.replaceChildren(h('main', { class: 'signin-page' }, h('div', { class: 'brand' }, 'Zaplecze'), form,
    h('div', { class: 'signin-language' }, languageSwitch())));
  key.focus();
}

async function signOut() {
  try {
    await api.del('auth/sessions/current');
  } catch {
    // The session may be gone already; the page signs out either way.
  }
  session = null;
  api.setSession(null);
  signInScreen(t('signin.signedOut'));
}

function menu(active) {
  return h('nav', { class: 'menu', 'aria-label': t('shell.menu') },
    sections.map((section) => h('div', { class: 'menu-section' },
      h('h2', {}, t(section.title)),
      h('ul', {}, section.screens.filter((screen) => screen.menu !== false).map((screen) => {
        const path = `${section.id}/${screen.path}`;
        const current = active && (active.fullPath === path || active.menuParent === path);
        return h('li', {}, h('a', { href: `#/${path}`, 'aria-current': current ? 'page' : null }, t(screen.title)));
      })))));
}

async function render() {
  document.documentElement.lang = language();
  if (!session) return signInScreen();
  const route = currentRoute();
  if (!route) return go(screens[0].fullPath);
  const main = h('main', { class: 'content', id: 'content', tabindex: '-1' });
  const shell = h('div', { class: 'shell' },
    h('header', { class: 'topbar' },
      h('a', { class: 'brand', href: '#/' }, 'Zaplecze'),
      h('span', { class: 'spacer' }),
      languageSwitch(),
      h('span', { class: 'who' }, t('shell.signedInAs', { admin: session.admin })),
      h('button', { type: 'button', class: 'secondary', id: 'signout', onclick: signOut }, t('shell.signOut'))),
    menu({ ...route.screen, menuParent: route.screen.menuParent && `${route.screen.section.id}/${route.screen.menuParent}` }),
    main);
  app.replaceChildren(shell);
  document.title = `${t(route.screen.title)} · Zaplecze`;
  try {
    await route.screen.render(main, route.params, { go });
  } catch (error) {
    main.replaceChildren(notice('error', error.message || String(error)));
  }
  // After a move to another screen, keyboard focus starts at its content, not on the old link.
  if (!main.contains(document.activeElement)) main.focus({ preventScroll: true });
}

async function start() {
  api.onSignedOut(() => {
    session = null;
    api.setSession(null);
    signInScreen(t('signin.expired'));
  });
  try {
    session = await api.get('auth/sessions/current');
    api.setSession(session);
  } catch (error) {
    session = null;
    if (error.status !== 401 && error.status !== 404) {
      signInScreen(error.message);
      return;
    }
  }
  window.addEventListener('hashchange', render);
  render();
}

// Whatever a screen's script fails at shows up on the screen, never as a blank page.
function showUnexpected(error) {
  const main = document.getElementById('content') || app;
  main.prepend(notice('error', error?.message || String(error)));
}
window.addEventListener('unhandledrejection', (event) => showUnexpected(event.reason));
window.addEventListener('error', (event) => showUnexpected(event.error || event.message));

start();
