import type { MouseEvent } from 'react';
import { addressIn, LANGUAGE_NAMES } from '../../lib/language';
import { LANGUAGES } from '../../lib/vocabulary';
import { useLanguageSwitch, usePageWords } from '../i18n/page-language';
import './language-switch.css';

/**
 * One link per language, each in its own name and `lang`, so a reader finds theirs. A
 * link is a real address (`?lang=`), but a click changes the page in place, so the
 * answers given so far stay.
 */
export function LanguageSwitch() {
  const { language, t } = usePageWords();
  const switchTo = useLanguageSwitch();
  return (
    <nav className="language-switch" aria-label={t('language.switch')}>
      <ul>
        {LANGUAGES.map((option) => (
          <li key={option}>
            <a
              href={addressIn(window.location.href, option)}
              lang={option}
              hrefLang={option}
              aria-current={option === language ? 'true' : undefined}
              onClick={(event: MouseEvent<HTMLAnchorElement>) => {
                event.preventDefault();
                if (option !== language) switchTo(option);
              }}
            >
              {LANGUAGE_NAMES[option]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
