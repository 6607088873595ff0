import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PathwayDto } from '../../modules/pathways/pathway.schema.ts';
import type { ReportDto } from '../../modules/reports/report.schema.ts';
import { api, queryString } from '../api.ts';
import type { Language } from '../i18n/language.tsx';
import type { Audience, ReportFilters } from './filters.ts';

export type Report = ReportDto;
export type ReportFigure = Report['figures'][number];
export type ReportTable = ReportFigure['tables'][number];
export type ReportColumn = ReportTable['columns'][number];
export type ReportRow = ReportTable['rows'][number];
export type ReportCell = ReportRow['cells'][string];
export type Pathway = PathwayDto;

function params(filters: ReportFilters, audience: Audience) {
  return { ...filters, audience: audience === 'internal' ? undefined : audience };
}

/**
 * The team report for the filters. The previous report stays on the page while the next one is computed
 * (it may take a moment on a large region), so the page does not jump.
 */
export function useTeamReport(filters: ReportFilters, audience: Audience) {
  return useQuery({
    queryKey: ['reports', 'team', filters, audience],
    queryFn: () => api.get<Report>(`/api/reports/team${queryString(params(filters, audience))}`),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** A download of the same report: the figures' titles and definitions in the interface language. */
export function reportFileUrl(
  format: 'csv' | 'xlsx',
  filters: ReportFilters,
  audience: Audience,
  lang: Language,
): string {
  return `/api/reports/team.${format}${queryString({ ...filters, audience, lang })}`;
}

/** Pathways (active and not: a report may cover a pathway no longer offered). */
export function usePathways() {
  return useQuery({
    queryKey: ['pathways', 'all'],
    queryFn: () => api.get<Pathway[]>('/api/pathways?includeInactive=true'),
    staleTime: 10 * 60_000,
  });
}
