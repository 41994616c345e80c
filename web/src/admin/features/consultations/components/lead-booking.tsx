import { useState, type FormEvent } from 'react';
import type { ApiFailure } from '../../../lib/api';
import { ErrorNotice, StatusMessage } from '../../../components/ui';
import { TextField } from '../../../components/forms';
import { formatDateTime } from '../../../words';
import { useClinicians } from '../../clinicians/api';
import {
  bookForLead,
  cancelConsultation,
  refreshConsultations,
  useLeadBooking,
  type ConsultationView,
} from '../api';
import { t } from '../../../i18n/t';

/**
 * The lead page's consultations: whether the client may book online (and if not, what to
 * do), the consultations booked, booking one by hand and cancelling.
 */
export function LeadBooking({ leadId }: { leadId: string }) {
  const { loaded, reload } = useLeadBooking(leadId);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [status, setStatus] = useState('');
  const after = (message: string) => {
    setStatus(message);
    void refreshConsultations();
    reload();
  };
  const cancel = async (consultation: ConsultationView) => {
    setFailure(null);
    const result = await cancelConsultation(consultation.id);
    if (result.kind === 'ok') after(t('consultations.lead.cancelled'));
    else setFailure(result);
  };

  return (
    <section aria-labelledby="consultations-heading" className="card">
      <h2 id="consultations-heading">{t('consultations.lead.heading')}</h2>
      {loaded.state === 'loading' ? <p>{t('shell.loadingShort')}</p> : null}
      {loaded.state === 'failed' ? <ErrorNotice failure={loaded.failure} /> : null}
      {loaded.state === 'ready' ? (
        <>
          <p>
            {loaded.value.onlineBookable
              ? t('consultations.lead.bookable')
              : t('consultations.lead.notBookable', { advice: loaded.value.advice ?? '' })}
          </p>
          {loaded.value.consultations.length > 0 ? (
            <ul className="consultations">
              {loaded.value.consultations.map((consultation) => (
                <li key={consultation.id}>
                  {t('consultations.lead.with', {
                    time: formatDateTime(consultation.startsAt),
                    name: consultation.clinician.name,
                  })}
                  {consultation.cancelledAt ? (
                    t('consultations.lead.cancelledMark')
                  ) : (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() => void cancel(consultation)}
                      >
                        {t('shell.cancel')}
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('consultations.lead.none')}</p>
          )}
          <BookByHand leadId={leadId} onBooked={() => after(t('consultations.lead.booked'))} />
        </>
      ) : null}
      <ErrorNotice failure={failure} />
      <StatusMessage>{status}</StatusMessage>
    </section>
  );
}

function BookByHand({ leadId, onBooked }: { leadId: string; onBooked: () => void }) {
  const clinicians = useClinicians();
  const [clinicianId, setClinicianId] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !clinicianId || !startsAt) return;
    setBusy(true);
    setFailure(null);
    // datetime-local is the staff member's own wall time.
    const result = await bookForLead(leadId, {
      clinicianId,
      startsAt: new Date(startsAt).toISOString(),
    });
    setBusy(false);
    if (result.kind === 'ok') {
      setStartsAt('');
      onBooked();
    } else setFailure(result);
  };
  return (
    <form onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label htmlFor="consultation-clinician">{t('consultations.clinician')}</label>
        <select
          id="consultation-clinician"
          value={clinicianId}
          onChange={(event) => setClinicianId(event.target.value)}
        >
          <option value="">{t('leads.triage.choose')}</option>
          {(clinicians.items ?? [])
            .filter((clinician) => clinician.active)
            .map((clinician) => (
              <option key={clinician.id} value={clinician.id}>
                {clinician.name}
              </option>
            ))}
        </select>
      </div>
      <TextField
        id="consultation-start"
        label={t('consultations.lead.startsAt')}
        type="datetime-local"
        value={startsAt}
        onChange={setStartsAt}
      />
      <ErrorNotice failure={failure} />
      <button type="submit" className="button" disabled={busy}>
        {t('consultations.lead.book')}
      </button>
    </form>
  );
}
