import { createHmac, randomInt } from 'node:crypto';
import { TICKET_CODE_ALPHABET, type EventPhase, type EventStatus } from '@zaogong/shared';

/** The venue's printed code lets people in from this long before the start (staff scan tickets any time). */
export const DOORS_OPEN_MS = 2 * 3_600_000;
/** Applications made at an event are credited to it until this long after its end (leaflets taken home). */
export const APPLY_AFTER_END_MS = 24 * 3_600_000;
/** The longest an event may run (a 招聘月 online). */
export const MAX_EVENT_MS = 62 * 86_400_000;

/** upcoming / ongoing / ended by the clock, or cancelled. */
export function phaseOf(e: { status: EventStatus; startsAt: Date; endsAt: Date }, now: Date): EventPhase {
  if (e.status === 'cancelled') return 'cancelled';
  if (now.getTime() < e.startsAt.getTime()) return 'upcoming';
  return now.getTime() < e.endsAt.getTime() ? 'ongoing' : 'ended';
}

/** A fresh ticket code: 8 characters of TICKET_CODE_ALPHABET (31^8 ≈ 8.5 × 10^11). */
export function newTicketCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += TICKET_CODE_ALPHABET[randomInt(TICKET_CODE_ALPHABET.length)];
  return code;
}

/**
 * The venue's 6-digit code, printed at the door for the whole event: a keyed hash of the event, so it
 * cannot be guessed from another event's code and needs no table.
 */
export function venueCode(secret: string, eventId: string): string {
  const mac = createHmac('sha256', `event-venue-code:${secret}`).update(eventId).digest();
  return String(mac.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

export const venueQrText = (eventId: string, code: string): string => `zgkd:venue:${eventId}:${code}`;

/** The 6 digits out of a scanned venue QR (`zgkd:venue:<eventId>:<code>`) or a typed code; the event id when the QR names one. */
export function parseVenueCode(scanned: string): { eventId: string | null; code: string } | null {
  const s = scanned.trim();
  const qr = /^zgkd:venue:([0-9a-f-]{36}):(\d{6})$/i.exec(s);
  if (qr) return { eventId: qr[1].toLowerCase(), code: qr[2] };
  const typed = s.replace(/\s+/g, '');
  return /^\d{6}$/.test(typed) ? { eventId: null, code: typed } : null;
}
