import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorNotice, PageHeading } from '../../../components/ui';
import { hasRole, useSession } from '../../../session';
import { useClinicians } from '../../clinicians/api';
import { AvailabilityEditor } from '../components/availability-editor';
import { useConsultations, type ConsultationView } from '../api';
import { LOCALE, t } from '../../../i18n/t';

const DAY_MS = 86_400_000;

/** Monday 00:00 local of the week `offset` weeks from this one. */
function weekStart(offset: number): Date {
  const today = new Date();
  today.setHours(0, 0, 0, 0);
  const monday = new Date(today.getTime() - ((today.getDay() + 6) % 7) * DAY_MS);
  monday.setDate(monday.getDate() + offset * 7);
  return monday;
}

const dayName = (date: Date) =>
  date.toLocaleDateString(LOCALE, { weekday: 'long', month: 'short', day: 'numeric' });
const timeOf = (iso: string) =>
  new Date(iso).toLocaleTimeString(LOCALE, { hour: 'numeric', minute: '2-digit' });

/** A week of consultations, and each clinician's hours. */
export function ConsultationsPage() {
  const session = useSession();
  const { me } = session;
  const [offset, setOffset] = useState(0);
  const [clinicianId, setClinicianId] = useState('');
  const clinicians = useClinicians();
  const start = weekStart(offset);
  const end = new Date(start);
  end.setDate(end.getDate() + 7);
  const week = useConsultations({
    from: start.toISOString(),
    to: end.toISOString(),
    ...(clinicianId ? { clinicianId } : {}),
  });
  const days = Array.from({ length: 7 }, (_, i) => {
    const day = new Date(start);
    day.setDate(day.getDate() + i);
    return day;
  });
  const on = (day: Date): ConsultationView[] =>
    (week.items ?? []).filter(
      (item) => new Date(item.startsAt).toDateString() === day.toDateString(),
    );
  const own = (clinicians.items ?? []).find((clinician) => clinician.userId === me.user.id);
  const editable = hasRole(session, 'admin', 'coordinator')
    ? (clinicians.items ?? [])
    : own
      ? [own]
      : [];
  const [hoursOf, setHoursOf] = useState('');
  const hoursId = hoursOf || editable[0]?.id || '';

  return (
    <>
      <PageHeading>{t('consultations.title')}</PageHeading>
      <section aria-labelledby="week-heading" className="card">
        <h2 id="week-heading">{t('consultations.week', { day: dayName(start) })}</h2>
        <div className="toolbar">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setOffset(offset - 1)}
          >
            {t('consultations.previous')}
          </button>{' '}
          <button type="button" className="button button--secondary" onClick={() => setOffset(0)}>
            {t('consultations.this')}
          </button>{' '}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setOffset(offset + 1)}
          >
            {t('consultations.next')}
          </button>{' '}
          <label>
            {t('consultations.clinician')}{' '}
            <select value={clinicianId} onChange={(event) => setClinicianId(event.target.value)}>
              <option value="">{t('consultations.everyone')}</option>
              {(clinicians.items ?? []).map((clinician) => (
                <option key={clinician.id} value={clinician.id}>
                  {clinician.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <ErrorNotice failure={week.failure} />
        {week.items === null && !week.failure ? <p>{t('shell.loadingShort')}</p> : null}
        <ol className="week">
          {days.map((day) => (
            <li key={day.toISOString()}>
              <h3>{dayName(day)}</h3>
              {on(day).length === 0 ? (
                <p className="muted">{t('consultations.nothing')}</p>
              ) : (
                <ul>
                  {on(day).map((item) => (
                    <li key={item.id}>
                      {timeOf(item.startsAt)}–{timeOf(item.endsAt)} · {item.clinician.name} ·{' '}
                      <Link to={`/admin/leads/${item.leadId}`}>{t('consultations.openLead')}</Link>
                      {item.bookedVia === 'client' ? ` · ${t('consultations.bookedOnline')}` : ''}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </section>
      {editable.length > 0 ? (
        <section aria-labelledby="hours-heading" className="card">
          <h2 id="hours-heading">{t('consultations.hours.heading')}</h2>
          {editable.length > 1 ? (
            <div className="field">
              <label htmlFor="hours-clinician">{t('consultations.hours.of')}</label>
              <select
                id="hours-clinician"
                value={hoursId}
                onChange={(event) => setHoursOf(event.target.value)}
              >
                {editable.map((clinician) => (
                  <option key={clinician.id} value={clinician.id}>
                    {clinician.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {hoursId ? <AvailabilityEditor key={hoursId} clinicianId={hoursId} /> : null}
        </section>
      ) : null}
    </>
  );
}
