import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditPageDto, BreakGlassDto, ClientAccessLogDto } from '../../server/audit/audit.schema.ts';
import { api, queryString } from '../api.ts';

export type AuditPage = z.infer<typeof AuditPageDto>;
export type AuditEventRow = AuditPage['events'][number];
export type ClientAccessLog = z.infer<typeof ClientAccessLogDto>;
export type BreakGlassAccessRow = z.infer<typeof BreakGlassDto>;

export interface AuditFilters {
  from?: string;
  to?: string;
  userId?: string;
  organisationId?: string;
  clientId?: string;
  event?: string;
  outcome?: string;
  breakGlass?: string;
}

export const AUDIT_PAGE_SIZE = 50;

export function auditCsvUrl(filters: AuditFilters): string {
  return `/api/audit-events.csv${queryString({ ...filters })}`;
}

export function useAuditEvents(filters: AuditFilters, page: number) {
  return useQuery({
    queryKey: ['audit', 'events', filters, page],
    queryFn: () =>
      api.get<AuditPage>(
        `/api/audit-events${queryString({ ...filters, limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export interface ClientAccessLogQuery {
  identityCode: string;
  from?: string;
  to?: string;
}

/** The client's own log: asked for on purpose, one identity code at a time, never cached for long. */
export function useClientAccessLog(query: ClientAccessLogQuery | null) {
  return useQuery({
    queryKey: ['audit', 'clientAccessLog', query],
    queryFn: () => api.get<ClientAccessLog>(`/api/audit/client-access-log${queryString({ ...query })}`),
    enabled: query !== null,
    gcTime: 0,
    retry: false,
  });
}

export function useBreakGlassAccesses(reviewed: 'true' | 'false' | 'all') {
  return useQuery({
    queryKey: ['audit', 'breakGlass', reviewed],
    queryFn: () =>
      api.get<BreakGlassAccessRow[]>(
        `/api/break-glass${queryString({ reviewed: reviewed === 'all' ? undefined : reviewed })}`,
      ),
  });
}

export function useReviewBreakGlass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) =>
      api.post(`/api/break-glass/${id}/review`, { note }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['audit', 'breakGlass'] }),
  });
}
