import { newLeadsText } from './live-events';
import { useLiveDesk } from './live-desk';
import { t } from '../../i18n/t';

/**
 * "3 new leads — show": new arrivals wait here rather than moving the list under the
 * reader. Any screen that lists leads may place it; it shows nothing while none wait.
 * The region is always there, so a screen reader announces the count as it changes.
 */
export function NewLeadsPill() {
  const desk = useLiveDesk();
  const count = desk.newLeads;
  return (
    <div role="status" className="new-leads">
      {count > 0 ? (
        <button
          type="button"
          className="button button--small new-leads-pill"
          onClick={desk.showNewLeads}
        >
          {t('live.show', { leads: newLeadsText(count) })}
        </button>
      ) : null}
    </div>
  );
}

/** Browser notifications of crisis leads: asked for only when the person clicks. */
export function CrisisAlertsButton() {
  const desk = useLiveDesk();
  if (desk.crisisAlerts === 'unsupported' || desk.crisisAlerts === 'denied') return null;
  if (desk.crisisAlerts === 'granted') {
    return <p className="muted">{t('live.alertsOn')}</p>;
  }
  return (
    <button
      type="button"
      className="button button--quiet button--small"
      onClick={() => void desk.askForCrisisAlerts()}
    >
      {t('live.alertsAsk')}
    </button>
  );
}

/** The pill and the alerts switch in one row, for the top of a lead list. */
export function LiveListBar() {
  return (
    <div className="live-bar">
      <NewLeadsPill />
      <CrisisAlertsButton />
    </div>
  );
}
