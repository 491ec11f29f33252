// Publication times are typed in the newsroom's zone (KHULASA_TIMEZONE), whatever the browser's:
// these convert between a datetime-local value in that zone and an RFC 3339 time, using only Intl.

const pad = (n) => String(n).padStart(2, '0');

/** Minutes the zone is ahead of UTC at the instant `ms`. */
export function offsetMinutes(zone, ms) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(ms));
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

/** "2026-12-01T18:30" in `zone` → "2026-12-01T18:30:00+03:00"; null when empty or malformed. */
export function localToRfc3339(value, zone) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value || '');
  if (!m) return null;
  const guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  let off = offsetMinutes(zone, guess);
  off = offsetMinutes(zone, guess - off * 60000);
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** An RFC 3339 time (or epoch ms) → the datetime-local value showing it in `zone`. */
export function toLocalInput(time, zone) {
  const ms = typeof time === 'number' ? time : Date.parse(time);
  const local = new Date(ms + offsetMinutes(zone, ms) * 60000);
  return local.toISOString().slice(0, 16);
}

/** The instant as Arabic readers write it, in `zone`: «الثلاثاء ١ ديسمبر ٢٠٢٦، ٦:٣٠ م». */
export function arabic(ms, zone) {
  return new Intl.DateTimeFormat('ar', {
    timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric',
    hour: 'numeric', minute: '2-digit',
  }).format(new Date(ms));
}
