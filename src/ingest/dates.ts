/** Publication dates to ISO 8601. */
import * as chrono from 'chrono-node';

/**
 * Normalises a date string to ISO 8601: a date-only value stays `YYYY-MM-DD`; anything with a
 * time becomes a UTC date-time. Natural-language dates ("March 5, 2024") go through chrono.
 * Null when nothing sensible can be read.
 */
export function toIsoDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (!s) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return validDay(s) ? s : null;
  if (/^\d{4}-\d{2}-\d{2}[T ]\d/.test(s)) {
    const d = new Date(s.replace(' ', 'T'));
    return ok(d) ? d.toISOString() : null;
  }
  const direct = new Date(s);
  if (ok(direct) && /\d{4}/.test(s) && /\d{1,2}:\d{2}/.test(s)) return direct.toISOString();
  const parsed = chrono.parse(s, new Date(), { forwardDate: false })[0];
  if (!parsed) return null;
  const c = parsed.start;
  if (!c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) return null;
  if (!c.isCertain('hour')) {
    const y = c.get('year')!;
    const m = c.get('month')!;
    const d = c.get('day')!;
    return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  const d = c.date();
  return ok(d) ? d.toISOString() : null;
}

function ok(d: Date): boolean {
  const y = d.getUTCFullYear();
  return !Number.isNaN(d.getTime()) && y > 1800 && y < 2200;
}

function validDay(s: string): boolean {
  const d = new Date(s + 'T00:00:00Z');
  return ok(d) && d.toISOString().slice(0, 10) === s;
}
