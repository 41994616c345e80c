import { useState, type FormEvent } from 'react';
import type { ApiFailure } from '../../../lib/api';
import { ErrorNotice, StatusMessage } from '../../../components/ui';
import { formatDateTime } from '../../../words';
import { useClinicians } from '../../clinicians/api';
import {
  bookForLead,
  cancelConsultation,
  refreshConsultations,
  useLeadBooking,
  type ConsultationView,
} from '../api';

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
    if (result.kind === 'ok') after('Consultation cancelled; the client and clinician are told.');
    else setFailure(result);
  };

  return (
    <section aria-labelledby="consultations-heading" className="card">
      <h2 id="consultations-heading">Consultation</h2>
      {loaded.state === 'loading' ? <p>Loading…</p> : null}
      {loaded.state === 'failed' ? <ErrorNotice failure={loaded.failure} /> : null}
      {loaded.state === 'ready' ? (
        <>
          <p>
            {loaded.value.onlineBookable
              ? 'The client may book online with the link in their acknowledgement.'
              : `Not bookable online. ${loaded.value.advice ?? ''}`}
          </p>
          {loaded.value.consultations.length > 0 ? (
            <ul className="consultations">
              {loaded.value.consultations.map((consultation) => (
                <li key={consultation.id}>
                  {formatDateTime(consultation.startsAt)} with {consultation.clinician.name}
                  {consultation.cancelledAt ? (
                    ' (cancelled)'
                  ) : (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() => void cancel(consultation)}
                      >
                        Cancel
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No consultation booked.</p>
          )}
          <BookByHand leadId={leadId} onBooked={() => after('Consultation booked.')} />
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
        <label htmlFor="consultation-clinician">Clinician</label>
        <select
          id="consultation-clinician"
          value={clinicianId}
          onChange={(event) => setClinicianId(event.target.value)}
        >
          <option value="">Choose…</option>
          {(clinicians.items ?? [])
            .filter((clinician) => clinician.active)
            .map((clinician) => (
              <option key={clinician.id} value={clinician.id}>
                {clinician.name}
              </option>
            ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="consultation-start">Starts at (your local time)</label>
        <input
          id="consultation-start"
          type="datetime-local"
          value={startsAt}
          onChange={(event) => setStartsAt(event.target.value)}
        />
      </div>
      <ErrorNotice failure={failure} />
      <button type="submit" className="button" disabled={busy}>
        Book consultation
      </button>
    </form>
  );
}
