/** A person's quotes over time as a plain SVG bar chart (no script, no inline style). */
import type { DayCount } from '../store/store.js';
import { html, SafeHtml } from './html.js';

export type Bucket = 'day' | 'week' | 'month';

export interface Bar {
  /** First day of the period, `YYYY-MM-DD`. */
  period: string;
  count: number;
}

const DAY_MS = 86_400_000;
const toDate = (d: string) => new Date(d + 'T00:00:00Z');
const iso = (t: Date) => t.toISOString().slice(0, 10);

function periodStart(d: string, by: Bucket): string {
  if (by === 'day') return d;
  if (by === 'month') return d.slice(0, 7) + '-01';
  const t = toDate(d);
  const weekday = (t.getUTCDay() + 6) % 7; // Monday is 0
  return iso(new Date(t.getTime() - weekday * DAY_MS));
}

function nextPeriod(p: string, by: Bucket): string {
  const t = toDate(p);
  if (by === 'day') return iso(new Date(t.getTime() + DAY_MS));
  if (by === 'week') return iso(new Date(t.getTime() + 7 * DAY_MS));
  return iso(new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 1)));
}

/** Day for up to two months of quotes, week for up to five years, else month. */
export function defaultBucket(days: DayCount[]): Bucket {
  if (days.length < 2) return 'day';
  const span = (toDate(days[days.length - 1]!.day).getTime() - toDate(days[0]!.day).getTime()) / DAY_MS;
  return span <= 62 ? 'day' : span <= 5 * 366 ? 'week' : 'month';
}

/** Counts per period from the first to the last quoted one, empty periods included. */
export function bucketCounts(days: DayCount[], by: Bucket): Bar[] {
  const valid = days.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.day) && !Number.isNaN(toDate(d.day).getTime()));
  if (valid.length === 0) return [];
  const counts = new Map<string, number>();
  for (const d of valid) {
    const p = periodStart(d.day, by);
    counts.set(p, (counts.get(p) ?? 0) + d.count);
  }
  const keys = [...counts.keys()].sort();
  const bars: Bar[] = [];
  // Bounded: a stray date centuries away must not produce millions of empty bars.
  for (let p = keys[0]!; p <= keys[keys.length - 1]! && bars.length < 2000; p = nextPeriod(p, by)) {
    bars.push({ period: p, count: counts.get(p) ?? 0 });
  }
  return bars;
}

const LABEL: Record<Bucket, string> = { day: 'day', week: 'week', month: 'month' };

function periodName(p: string, by: Bucket): string {
  return by === 'day' ? p : by === 'week' ? `week of ${p}` : p.slice(0, 7);
}

/** The chart, with a title and description for screen readers and a data table beside it. */
export function renderChart(bars: Bar[], by: Bucket): SafeHtml {
  if (bars.length === 0) return html`<p class="chart-empty">No dated quotes to chart.</p>`;
  const width = 720;
  const height = 220;
  const left = 40;
  const bottom = 30;
  const top = 10;
  const plotW = width - left - 10;
  const plotH = height - top - bottom;
  const max = Math.max(1, ...bars.map((b) => b.count));
  const step = plotW / bars.length;
  const barW = Math.max(1, step * 0.8);
  const total = bars.reduce((s, b) => s + b.count, 0);
  const ticks = [0, Math.ceil(max / 2), max].filter((v, i, a) => a.indexOf(v) === i);
  const labelEvery = Math.max(1, Math.ceil(bars.length / 8));
  const fmt = (n: number) => n.toFixed(1);
  return html`<figure class="chart">
<svg class="quote-chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title chart-desc" data-bucket="${by}">
  <title id="chart-title">Quotes per ${LABEL[by]}</title>
  <desc id="chart-desc">${total} quote${total === 1 ? '' : 's'} from ${periodName(bars[0]!.period, by)} to ${periodName(bars[bars.length - 1]!.period, by)}; at most ${max} in one ${LABEL[by]}.</desc>
  ${ticks.map((t) => {
    const y = top + plotH - (t / max) * plotH;
    return html`<line class="grid" x1="${left}" x2="${width - 10}" y1="${fmt(y)}" y2="${fmt(y)}"></line><text class="axis-label" x="${left - 6}" y="${fmt(y + 4)}" text-anchor="end">${t}</text>`;
  })}
  ${bars.map((b, i) => {
    const h = (b.count / max) * plotH;
    const x = left + i * step + (step - barW) / 2;
    return html`<rect class="bar" x="${fmt(x)}" y="${fmt(top + plotH - h)}" width="${fmt(barW)}" height="${fmt(h)}" data-period="${b.period}" data-count="${b.count}"><title>${periodName(b.period, by)}: ${b.count} quote${b.count === 1 ? '' : 's'}</title></rect>`;
  })}
  ${bars.map((b, i) =>
    i % labelEvery === 0 || i === bars.length - 1
      ? html`<text class="axis-label" x="${fmt(left + i * step + step / 2)}" y="${height - 10}" text-anchor="middle">${by === 'month' ? b.period.slice(0, 7) : b.period.slice(5)}</text>`
      : '',
  )}
</svg>
<figcaption>Quotes per ${LABEL[by]}, ${periodName(bars[0]!.period, by)} to ${periodName(bars[bars.length - 1]!.period, by)}.</figcaption>
</figure>
<details class="chart-data"><summary>Chart data</summary>
<table><thead><tr><th scope="col">${LABEL[by]}</th><th scope="col">quotes</th></tr></thead>
<tbody>${bars.filter((b) => b.count > 0).map((b) => html`<tr><td>${periodName(b.period, by)}</td><td>${b.count}</td></tr>`)}</tbody></table>
</details>`;
}
