import { callPublic, publicApi, type Schemas } from '../api/client';

/** The booking page's calls (`/v1/bookings/:token`), through the typed client. */
export function booking(token: string) {
  return callPublic(() => publicApi.GET('/v1/bookings/{token}', { params: { path: { token } } }));
}

export function book(token: string, body: Schemas['CreateBookingDto']) {
  return callPublic(() =>
    publicApi.POST('/v1/bookings/{token}', { params: { path: { token } }, body }),
  );
}

export function cancelBooking(token: string) {
  return callPublic(() =>
    publicApi.DELETE('/v1/bookings/{token}', { params: { path: { token } } }),
  );
}
