/**
 * The report's filters live in the page address (`/reports?from=…&teamId=…`), so that a view can be shared
 * and the downloads use exactly what is shown. Anything malformed in an address is left out, and the
 * report then says what it covers (the API echoes the period and filters it used).
 */

export interface ReportFilters {
  from?: string;
  to?: string;
  /** An organisation's id, or `all` for every organisation; left out: the user's own. */
  organisationId?: string;
  teamId?: string;
  municipality?: string;
  pathwayId?: string;
}

export type Audience = 'internal' | 'external';

export const FILTER_KEYS = ['from', 'to', 'organisationId', 'teamId', 'municipality', 'pathwayId'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const ALL_ORGANISATIONS = 'all';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const VALID: Record<FilterKey, (value: string) => boolean> = {
  from: (v) => ISO_DATE.test(v),
  to: (v) => ISO_DATE.test(v),
  organisationId: (v) => v === ALL_ORGANISATIONS || UUID.test(v),
  teamId: (v) => UUID.test(v),
  municipality: (v) => v.length <= 100,
  pathwayId: (v) => UUID.test(v),
};

export function filtersOf(params: URLSearchParams): ReportFilters {
  const filters: ReportFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value && VALID[key](value)) filters[key] = value;
  }
  return filters;
}

export function audienceOf(params: URLSearchParams): Audience {
  return params.get('audience') === 'external' ? 'external' : 'internal';
}

export function isPrintView(params: URLSearchParams): boolean {
  return params.get('view') === 'print';
}

/** The address's search part for filters, an audience and a view; defaults are left out. */
export function searchOf(
  filters: ReportFilters,
  options: { audience?: Audience; print?: boolean } = {},
): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) search.set(key, value);
  }
  if (options.audience === 'external') search.set('audience', 'external');
  if (options.print) search.set('view', 'print');
  return search;
}
