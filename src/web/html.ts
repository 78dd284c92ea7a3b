/**
 * HTML building with one escaping rule: every value interpolated into an `html` template is
 * escaped unless it is itself the result of an `html` template. Article text, titles, names and
 * quotes are untrusted (they come from arbitrary web pages), so there is deliberately no way
 * to insert a raw string.
 */

/** Markup that has already been escaped (the only thing `html` inserts as is). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Tagged template: `html\`<p>${untrusted}</p>\`` escapes `untrusted`; arrays are joined. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Joins escaped fragments. */
export function join(parts: readonly HtmlValue[], separator = ''): SafeHtml {
  return new SafeHtml(parts.map(render).join(render(separator)));
}

/**
 * An http(s) URL from untrusted data, or null: a stored canonical URL could be
 * `javascript:...`, which escaping alone does not make harmless in an href.
 */
export function externalUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

/** `YYYY-MM-DD` of an ISO date or date-time; empty when there is none. */
export function day(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '';
}
