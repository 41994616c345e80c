import { type FormEvent, useEffect, useState } from 'react';
import type { Schemas } from '../api/client';
import { book, booking, cancelBooking } from './booking-api';
import { FocusedHeading, Layout, SubmitButton } from './components/page-parts';
import { mount } from './mount';
import './book.css';

type Booking = Schemas['BookingView'];
type Slot = Schemas['SlotView'];

type Loaded =
  | { kind: 'loading' }
  | { kind: 'ready'; booking: Booking }
  | { kind: 'unknown' }
  | { kind: 'gone' }
  | { kind: 'failed' };

/** The visitor's own zone, named in words ("Pacific Standard Time"), so times are unambiguous. */
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const zoneName =
  new Intl.DateTimeFormat('en-US', { timeZoneName: 'long' })
    .formatToParts(new Date())
    .find((part) => part.type === 'timeZoneName')?.value ?? zone;
const dayOf = (iso: string) =>
  new Date(iso).toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric' });
const timeOf = (iso: string) =>
  new Date(iso).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
const whenOf = (iso: string) => `${dayOf(iso)} at ${timeOf(iso)}`;

/** Slots by local day, in order. */
function byDay(slots: readonly Slot[]): [string, Slot[]][] {
  const days = new Map<string, Slot[]>();
  for (const slot of slots) {
    const day = dayOf(slot.startsAt);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  return [...days];
}

const slotKey = (slot: Slot) => `${slot.clinician.id}|${slot.startsAt}`;

function BookingPage() {
  const [token] = useState(() => new URLSearchParams(window.location.search).get('token') ?? '');
  const [loaded, setLoaded] = useState<Loaded>(token ? { kind: 'loading' } : { kind: 'unknown' });
  const [attempt, setAttempt] = useState(0);
  const reload = () => setAttempt((count) => count + 1);

  useEffect(() => {
    if (!token) return;
    let current = true;
    void booking(token).then((result) => {
      if (!current) return;
      if (result.kind === 'ok') setLoaded({ kind: 'ready', booking: result.body });
      else if (result.kind === 'problem' && result.status === 404) setLoaded({ kind: 'unknown' });
      else if (result.kind === 'problem' && result.status === 410) setLoaded({ kind: 'gone' });
      else setLoaded({ kind: 'failed' });
    });
    return () => {
      current = false;
    };
  }, [token, attempt]);

  switch (loaded.kind) {
    case 'loading':
      return (
        <Layout title="Book a first conversation">
          <h1>Book a first conversation</h1>
          <p role="status">Looking up the open times…</p>
        </Layout>
      );
    case 'unknown':
      return (
        <Layout title="Link not recognised">
          <h1>We do not recognise this link</h1>
          <p>
            Check that you opened the whole link from the email; some email programs split long
            links. If it still does not work, contact the practice.
          </p>
        </Layout>
      );
    case 'gone':
      return (
        <Layout title="Link expired">
          <h1>This booking link has expired</h1>
          <p>Booking links work for 14 days. The practice will contact you to find a time.</p>
        </Layout>
      );
    case 'failed':
      return (
        <Layout title="Book a first conversation">
          <h1>We could not load the open times</h1>
          <p>Check your connection, then try again.</p>
          <button type="button" className="button" onClick={reload}>
            Try again
          </button>
        </Layout>
      );
    case 'ready':
      return <BookingState token={token} booking={loaded.booking} onChange={reload} />;
  }
}

function BookingState({
  token,
  booking: state,
  onChange,
}: {
  token: string;
  booking: Booking;
  onChange: () => void;
}) {
  if (state.consultation) {
    return <Booked token={token} consultation={state.consultation} onCancelled={onChange} />;
  }
  if (!state.bookable) {
    return (
      <Layout title="Book a first conversation">
        <h1>Book a first conversation</h1>
        {state.reason === 'waiting_for_partner' ? (
          <p>
            We are waiting for your partner’s answers. Once you have both answered, this page shows
            the open times.
          </p>
        ) : (
          <p>
            There are no times to book online right now. The practice will contact you to find a
            time that works.
          </p>
        )}
      </Layout>
    );
  }
  return <SlotPicker token={token} slots={state.slots ?? []} onBooked={onChange} />;
}

function SlotPicker({
  token,
  slots,
  onBooked,
}: {
  token: string;
  slots: readonly Slot[];
  onBooked: () => void;
}) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const slot = slots.find((one) => slotKey(one) === chosen);
    if (!slot) {
      setMessage('Choose a time first.');
      return;
    }
    setSending(true);
    const result = await book(token, { startsAt: slot.startsAt, clinicianId: slot.clinician.id });
    setSending(false);
    if (result.kind === 'ok') return onBooked();
    if (result.kind === 'problem' && result.status === 409) {
      setMessage('That time was just taken. The list now shows the times still open.');
      return onBooked();
    }
    setMessage('We could not book that time. Check your connection, then try again.');
  };

  return (
    <Layout title="Book a first conversation">
      <h1>Book a first conversation</h1>
      <p>
        Times are shown in your time zone: <strong>{zoneName}</strong>.
      </p>
      {message && (
        <p role="alert" className="form-error">
          {message}
        </p>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <fieldset className="slot-days">
          <legend>Open times</legend>
          {byDay(slots).map(([day, daySlots]) => (
            <fieldset key={day} className="slot-day">
              <legend>{day}</legend>
              {daySlots.map((slot) => (
                <label key={slotKey(slot)} className="slot">
                  <input
                    type="radio"
                    name="slot"
                    value={slotKey(slot)}
                    checked={chosen === slotKey(slot)}
                    onChange={() => setChosen(slotKey(slot))}
                  />{' '}
                  {timeOf(slot.startsAt)} – {timeOf(slot.endsAt)} with {slot.clinician.name}
                </label>
              ))}
            </fieldset>
          ))}
        </fieldset>
        <SubmitButton sending={sending}>Book this time</SubmitButton>
      </form>
    </Layout>
  );
}

function Booked({
  token,
  consultation,
  onCancelled,
}: {
  token: string;
  consultation: NonNullable<Booking['consultation']>;
  onCancelled: () => void;
}) {
  const [sending, setSending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const cancel = async () => {
    setSending(true);
    const result = await cancelBooking(token);
    setSending(false);
    if (result.kind === 'ok') return onCancelled();
    setMessage('We could not cancel it. Please contact the practice.');
  };
  return (
    <Layout title="Your consultation">
      <FocusedHeading>Your consultation is booked</FocusedHeading>
      <p>
        {whenOf(consultation.startsAt)} ({zoneName}) with {consultation.clinicianName}. We have
        emailed you a calendar invitation.
      </p>
      {message && <p role="alert">{message}</p>}
      <button type="button" className="button" disabled={sending} onClick={() => void cancel()}>
        Cancel this consultation
      </button>
    </Layout>
  );
}

mount(<BookingPage />);
