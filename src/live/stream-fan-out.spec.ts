import { describe, expect, it } from '@jest/globals';
import { HEARTBEAT_FRAME, type LeadSignal, type Viewer } from './live-signal.js';
import { type OpenStream, StreamFanOut } from './stream-fan-out.js';

const MINE = '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d';
const THEIRS = '9f8e7d6c-5b4a-4f3e-8d2c-1b0a9f8e7d6c';
const LEAD = '6f1c2b0e-8d3a-4c51-9a7e-0b2d4e6f8a10';

/** A stream that keeps what it was sent. */
function aStream(sessionId: string, viewer: Viewer) {
  const stream: OpenStream & { frames: string[]; closed: boolean } = {
    sessionId,
    viewer,
    frames: [],
    closed: false,
    send: (frame) => void stream.frames.push(frame),
    close: () => void (stream.closed = true),
  };
  return stream;
}

const signal = (assignedClinicianId: string | null): LeadSignal => ({
  type: 'lead.created',
  leadId: LEAD,
  urgency: 'crisis',
  assignedClinicianId,
});

describe('the fan-out of signals to open streams', () => {
  const setUp = () => {
    const sut = new StreamFanOut();
    const coordinator = aStream('s-coordinator', { role: 'coordinator', clinicianId: null });
    const clinician = aStream('s-clinician', { role: 'clinician', clinicianId: MINE });
    const colleague = aStream('s-colleague', { role: 'clinician', clinicianId: THEIRS });
    const removers = [coordinator, clinician, colleague].map((stream) => sut.add(stream));
    return { sut, coordinator, clinician, colleague, removers };
  };

  it('sends each signal to every stream that may see the lead, and only to those', () => {
    const { sut, coordinator, clinician, colleague } = setUp();
    expect(sut.publish(signal(MINE))).toBe(2);
    expect(sut.publish(signal(null))).toBe(1);
    expect(coordinator.frames).toHaveLength(2);
    expect(clinician.frames).toEqual([
      `data: {"type":"lead.created","leadId":"${LEAD}","urgency":"crisis"}\n\n`,
    ]);
    expect(colleague.frames).toEqual([]);
  });

  it('a stream its client left hears nothing more', () => {
    const { sut, coordinator, removers } = setUp();
    removers[0]!();
    sut.publish(signal(null));
    expect(coordinator.frames).toEqual([]);
    expect(sut.size).toBe(2);
  });

  it('beats on every stream', () => {
    const { sut, coordinator, colleague } = setUp();
    sut.heartbeat();
    expect(coordinator.frames).toEqual([HEARTBEAT_FRAME]);
    expect(colleague.frames).toEqual([HEARTBEAT_FRAME]);
  });

  it('closes the streams whose session ended and takes the viewer as now read for the others', () => {
    const { sut, coordinator, clinician, colleague } = setUp();
    const closed = sut.keepOnly(
      ['s-coordinator', 's-clinician', 's-colleague'],
      new Map<string, Viewer>([
        ['s-coordinator', { role: 'coordinator', clinicianId: null }],
        // The colleague's account was given the other profile meanwhile.
        ['s-colleague', { role: 'clinician', clinicianId: MINE }],
      ]),
    );
    expect(closed).toBe(1);
    expect([coordinator.closed, clinician.closed, colleague.closed]).toEqual([false, true, false]);
    expect(sut.publish(signal(MINE))).toBe(2);
    expect(clinician.frames).toEqual([]);
    expect(colleague.frames).toHaveLength(1);
  });

  it('leaves a stream opened while the database was asked for the next beat', () => {
    const { sut, coordinator, clinician, colleague } = setUp();
    expect(sut.keepOnly(['s-coordinator'], new Map())).toBe(1);
    expect([coordinator.closed, clinician.closed, colleague.closed]).toEqual([true, false, false]);
  });

  it('names each open session once', () => {
    const { sut } = setUp();
    sut.add(aStream('s-coordinator', { role: 'coordinator', clinicianId: null }));
    expect(sut.sessionIds().sort()).toEqual(['s-clinician', 's-colleague', 's-coordinator']);
  });

  it('closes every stream on shutdown', () => {
    const { sut, coordinator, clinician, colleague } = setUp();
    expect(sut.closeAll()).toBe(3);
    expect([coordinator, clinician, colleague].every((stream) => stream.closed)).toBe(true);
    expect(sut.size).toBe(0);
  });
});
