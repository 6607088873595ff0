import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CaseloadDto,
  CoachingDto,
  CoachingSummaryDto,
  EndCoachingBody,
  EndPlacementBody,
  JobSearchEntryBody,
  ModuleBody,
  ModuleReviewBody,
  PlacementBody,
  StartCoachingBody,
  SupportEntryBody,
  UpdateCoachingBody,
  VocationalProfileBody,
} from '../../modules/coaching/coaching.schema.ts';
import { api, queryString } from '../api.ts';

export type Coaching = CoachingDto;
export type CoachingSummary = CoachingSummaryDto;
export type Caseload = z.infer<typeof CaseloadDto>;
export type CoachingModule = Coaching['modules'][number];
export type Placement = Coaching['placements'][number];
export type StartCoachingInput = z.input<typeof StartCoachingBody>;
export type VocationalProfileInput = z.input<typeof VocationalProfileBody>;
export type JobSearchEntryInput = z.input<typeof JobSearchEntryBody>;
export type ModuleInput = z.input<typeof ModuleBody>;
export type ModuleReviewInput = z.input<typeof ModuleReviewBody>;
export type PlacementInput = z.input<typeof PlacementBody>;
export type EndPlacementInput = z.input<typeof EndPlacementBody>;
export type SupportEntryInput = z.input<typeof SupportEntryBody>;
export type EndCoachingInput = z.input<typeof EndCoachingBody>;
export type UpdateCoachingInput = z.input<typeof UpdateCoachingBody>;

export const coachingKeys = {
  all: ['coaching'] as const,
  list: (coachUserId: string | undefined, status: string) =>
    ['coaching', 'list', coachUserId ?? 'all', status] as const,
  caseloads: ['coaching', 'caseloads'] as const,
  client: (clientId: string) => ['coaching', 'client', clientId] as const,
  one: (id: string) => ['coaching', 'one', id] as const,
};

/** Your organisation's coachings; with coachUserId, one coach's caseload. */
export function useCoachings(params: { coachUserId?: string; status?: 'active' | 'ended' | 'all' }) {
  const status = params.status ?? 'active';
  return useQuery({
    queryKey: coachingKeys.list(params.coachUserId, status),
    queryFn: () =>
      api.get<CoachingSummary[]>(`/api/coachings${queryString({ coachUserId: params.coachUserId, status })}`),
  });
}

export function useCaseloads() {
  return useQuery({
    queryKey: coachingKeys.caseloads,
    queryFn: () => api.get<Caseload>('/api/coaching/caseloads'),
  });
}

export function useClientCoachings(clientId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: coachingKeys.client(clientId),
    queryFn: () => api.get<CoachingSummary[]>(`/api/clients/${clientId}/coachings`),
    enabled: options.enabled ?? true,
  });
}

export function useCoaching(id: string) {
  return useQuery({
    queryKey: coachingKeys.one(id),
    queryFn: () => api.get<Coaching>(`/api/coachings/${id}`),
    enabled: id !== '',
  });
}

/**
 * Every write of a coaching answers with the whole coaching: it replaces the cached one, and the lists and
 * caseloads that count it are reloaded.
 */
function useCoachingWrite<I>(send: (input: I) => Promise<Coaching>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (coaching) => {
      queryClient.setQueryData(coachingKeys.one(coaching.id), coaching);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['coaching', 'list'] }),
        queryClient.invalidateQueries({ queryKey: coachingKeys.caseloads }),
        queryClient.invalidateQueries({ queryKey: coachingKeys.client(coaching.clientId) }),
        queryClient.invalidateQueries({ queryKey: ['timeline', coaching.clientId] }),
        queryClient.invalidateQueries({ queryKey: ['employers'] }),
        queryClient.invalidateQueries({ queryKey: ['employer-contacts'] }),
      ]);
    },
  });
}

export function useStartCoaching(caseId: string) {
  return useCoachingWrite((body: StartCoachingInput) =>
    api.post<Coaching>(`/api/cases/${caseId}/coachings`, body),
  );
}

export function useSaveProfile(coachingId: string) {
  return useCoachingWrite((body: VocationalProfileInput) =>
    api.put<Coaching>(`/api/coachings/${coachingId}/vocational-profile`, body),
  );
}

export function useAddJobSearchEntry(coachingId: string) {
  return useCoachingWrite((body: JobSearchEntryInput) =>
    api.post<Coaching>(`/api/coachings/${coachingId}/job-search-entries`, body),
  );
}

export function useStartModule(coachingId: string) {
  return useCoachingWrite((body: ModuleInput) =>
    api.post<Coaching>(`/api/coachings/${coachingId}/modules`, body),
  );
}

export function useReviewModule() {
  return useCoachingWrite(({ moduleId, ...body }: ModuleReviewInput & { moduleId: string }) =>
    api.post<Coaching>(`/api/coaching-modules/${moduleId}/review`, body),
  );
}

export function useAddPlacement(coachingId: string) {
  return useCoachingWrite((body: PlacementInput) =>
    api.post<Coaching>(`/api/coachings/${coachingId}/placements`, body),
  );
}

export function useEndPlacement() {
  return useCoachingWrite(({ placementId, ...body }: EndPlacementInput & { placementId: string }) =>
    api.post<Coaching>(`/api/placements/${placementId}/end`, body),
  );
}

export function useAddSupportEntry() {
  return useCoachingWrite(({ placementId, ...body }: SupportEntryInput & { placementId: string }) =>
    api.post<Coaching>(`/api/placements/${placementId}/support-entries`, body),
  );
}

export function useEndCoaching(coachingId: string) {
  return useCoachingWrite((body: EndCoachingInput) =>
    api.post<Coaching>(`/api/coachings/${coachingId}/end`, body),
  );
}

export function useUpdateCoaching(coachingId: string) {
  return useCoachingWrite((body: UpdateCoachingInput) =>
    api.put<Coaching>(`/api/coachings/${coachingId}`, body),
  );
}
