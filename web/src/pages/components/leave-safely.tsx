import { useEffect } from 'react';
import { doubleEscape, leaveNow, safeExitUrl } from '../../lib/leave-safely';
import { usePageWords } from '../i18n/page-language';
import './leave-safely.css';

const leave = () => leaveNow(safeExitUrl(), { ownPage: true });

/**
 * The "Leave this site" control every public page shows first, and Escape pressed twice
 * anywhere on the page (docs/api.md#leaving-safely).
 */
export function LeaveSafely() {
  const { t } = usePageWords();
  useEffect(() => {
    const pressed = doubleEscape();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && pressed(event.timeStamp)) leave();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <aside className="leave-safely" aria-label={t('leave.label')}>
      <p className="leave-safely-hint" id="leave-safely-hint">
        {t('leave.hint')}
      </p>
      <button
        type="button"
        className="leave-safely-button"
        aria-describedby="leave-safely-hint"
        onClick={leave}
      >
        {t('leave.button')}
      </button>
    </aside>
  );
}
