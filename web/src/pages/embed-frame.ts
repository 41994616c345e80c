/**
 * /embed/reach-out.html: the reach-out form as a page made to be framed by the practice's
 * websites (CORS_ORIGINS; the server's frame-ancestors says who). `?heading=` names the
 * form, `?lang=` its language. The page tells its parent how tall it is, so the parent can
 * size the frame without a scroll bar: `{ type: "relational-intake:height", height }`.
 */
import { TAG_NAME } from '../embed/reach-out-element';
import { pageLanguage } from '../lib/language';
import { pageWords } from './i18n/words';
import '../styles/base.css';

export const HEIGHT_MESSAGE = 'relational-intake:height';

const params = new URLSearchParams(window.location.search);
// ?lang= when it names one of ours, else the browser's languages, else English.
const lang = pageLanguage(window.location.search, navigator.languages ?? []);
document.documentElement.lang = lang;
document.title = pageWords(lang).t('embed.heading');

const form = document.createElement(TAG_NAME);
const heading = params.get('heading')?.trim().slice(0, 200);
if (heading) form.setAttribute('heading', heading);
form.setAttribute('lang', lang);
document.getElementById('root')?.replaceChildren(form);

let lastHeight = -1;
const tellParent = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === lastHeight || window.parent === window) return;
  lastHeight = height;
  // Only a number leaves this page, so any parent may read it.
  window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
};
new ResizeObserver(tellParent).observe(document.documentElement);
tellParent();
