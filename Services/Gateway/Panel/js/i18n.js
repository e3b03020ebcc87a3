// Texts and formats in the admin's language. Each language is one file in ./i18n/ exporting
// `{ name, locale, texts }`; adding Czech or Slovak is adding cs.js or sk.js and one line below.
import pl from './i18n/pl.js';
import en from './i18n/en.js';

export const languages = { pl, en };
const storageKey = 'zaplecze.language';
let current = languages[localStorage.getItem(storageKey)] ? localStorage.getItem(storageKey) : 'pl';

/** The chosen language's code (`pl`, `en`). */
export const language = () => current;

/** Chooses a language and remembers it in this browser. */
export function setLanguage(code) {
  if (!languages[code]) return;
  current = code;
  localStorage.setItem(storageKey, code);
  document.documentElement.lang = code;
}

/** The text for `key` with `{name}` placeholders filled; the key itself when it is missing. */
export function t(key, params = {}) {
  const text = languages[current].texts[key] ?? languages.pl.texts[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (params[name] ?? `{${name}}`));
}

const locale = () => languages[current].locale;

/** Minor units of `currency` as money: 10393 PLN is "103,93 zł" in Polish. */
export function money(minor, currency = 'PLN') {
  if (minor === null || minor === undefined) return '—';
  const format = new Intl.NumberFormat(locale(), { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits;
  return format.format(Number(minor) / 10 ** digits);
}

/** A whole or decimal number in the chosen locale. */
export function number(value) {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 4 }).format(value);
}

/** A signed number of points: "+150", "−20". */
export function signed(value) {
  const text = new Intl.NumberFormat(locale(), { signDisplay: 'exceptZero' }).format(value);
  return text;
}

/** An RFC 3339 instant as a local date and time. */
export function dateTime(text) {
  if (!text) return '—';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(text));
}

/**
 * Whole seconds as a duration in its two largest units, the rest dropped: "2 godz. 5 min",
 * "3 dni 4 godz.", "40 sek."; a dash for none.
 */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  const units = [['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]];
  let rest = Math.max(0, Math.floor(seconds));
  const amounts = units.map(([unit, size]) => {
    const amount = Math.floor(rest / size);
    rest %= size;
    return [unit, amount];
  });
  const first = amounts.findIndex(([, amount]) => amount > 0);
  const shown = first === -1 ? [['second', 0]] : amounts.slice(first, first + 2).filter(([, amount]) => amount > 0);
  return shown.map(([unit, amount]) =>
    new Intl.NumberFormat(locale(), { style: 'unit', unit, unitDisplay: 'short' }).format(amount)).join(' ');
}

/**
 * The day of a date input ("2026-03-01") as an RFC 3339 instant: its first moment, or with `end`
 * its last millisecond, in the browser's time zone — the zone `dateTime` shows instants in, so a
 * day searched for is the day the table shows. Undefined for an empty input.
 */
export function dayBoundary(day, end = false) {
  if (!day) return undefined;
  const [year, month, date] = day.split('-').map(Number);
  const start = new Date(year, month - 1, end ? date + 1 : date);
  return new Date(start.getTime() - (end ? 1 : 0)).toISOString();
}

/** An RFC 3339 instant (now without one) as a datetime-local input's value ("2026-03-01T14:05"), in the browser's zone. */
export function dateTimeInput(text) {
  const instant = text ? new Date(text) : new Date();
  return new Date(instant.getTime() - instant.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

/** A datetime-local input's value, read in the browser's zone, as an RFC 3339 instant. */
export const parseDateTimeInput = (value) => new Date(value).toISOString();

/** Text such as "103,93" or "103.93" as minor units (10393); null when it is not an amount. */
export function parseMoney(text, digits = 2) {
  const trimmed = String(text).trim().replace(/\s/g, '').replace(',', '.');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(trimmed);
  if (!match || (match[2] || '').length > digits) return null;
  const fraction = (match[2] || '').padEnd(digits, '0');
  return Number(match[1]) * 10 ** digits + Number(fraction || 0);
}

/** Minor units as text an input can show and `parseMoney` reads back ("103,93"). */
export function moneyInput(minor, digits = 2) {
  if (minor === null || minor === undefined) return '';
  const text = (Number(minor) / 10 ** digits).toFixed(digits);
  return current === 'pl' ? text.replace('.', ',') : text;
}
