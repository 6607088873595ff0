import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AssignManagerBody,
  CaseDto,
  CaseSummaryDto,
  CloseCaseBody,
  ManagerCandidateDto,
  PhaseChangeBody,
  TeamMemberBody,
} from '../../modules/cases/case.schema.ts';
import type {
  AnswerBody,
  ConsultationBody,
  ConsultationDto,
  ConsultationUpdateBody,
} from '../../modules/consultations/consultation.schema.ts';
import type {
  MeetingBody,
  MeetingCorrectionBody,
  MeetingDto,
  MeetingUpdateBody,
  SummaryBody,
} from '../../modules/meetings/meeting.schema.ts';
import type { VisitBody, VisitDto, VisitUpdateBody } from '../../modules/visits/visit.schema.ts';
import { api, queryString } from '../api.ts';

export type Case = CaseDto;
export type CaseSummary = CaseSummaryDto;
export type Professional = z.infer<typeof ManagerCandidateDto>;
export type PhaseChangeInput = z.input<typeof PhaseChangeBody>;
export type CloseCaseInput = z.input<typeof CloseCaseBody>;
export type AssignManagerInput = z.input<typeof AssignManagerBody>;
export type TeamMemberInput = z.input<typeof TeamMemberBody>;
export type Visit = VisitDto;
export type VisitInput = z.input<typeof VisitBody>;
export type VisitUpdate = z.input<typeof VisitUpdateBody>;
export type Consultation = ConsultationDto;
export type ConsultationInput = z.input<typeof ConsultationBody>;
export type ConsultationUpdate = z.input<typeof ConsultationUpdateBody>;
export type AnswerInput = z.input<typeof AnswerBody>;
export type Meeting = MeetingDto;
export type MeetingInput = z.input<typeof MeetingBody>;
export type MeetingUpdate = z.input<typeof MeetingUpdateBody>;
export type MeetingCorrection = z.input<typeof MeetingCorrectionBody>;
export type SummaryInput = z.input<typeof SummaryBody>;

export const caseKeys = {
  one: (id: string) => ['cases', 'one', id] as const,
  client: (clientId: string) => ['cases', 'client', clientId] as const,
  candidates: (id: string) => ['cases', 'one', id, 'candidates'] as const,
  professionals: (id: string, organisationId: string) =>
    ['cases', 'one', id, 'professionals', organisationId] as const,
  visits: (id: string) => ['cases', 'one', id, 'visits'] as const,
  consultations: (id: string) => ['cases', 'one', id, 'consultations'] as const,
  meetings: (id: string) => ['cases', 'one', id, 'meetings'] as const,
};

export function useCase(id: string) {
  return useQuery({ queryKey: caseKeys.one(id), queryFn: () => api.get<Case>(`/api/cases/${id}`) });
}

export function useClientCases(clientId: string) {
  return useQuery({
    queryKey: caseKeys.client(clientId),
    queryFn: () => api.get<CaseSummary[]>(`/api/clients/${clientId}/cases`),
  });
}

export function useCaseManagerCandidates(id: string) {
  return useQuery({
    queryKey: caseKeys.candidates(id),
    queryFn: () => api.get<Professional[]>(`/api/cases/${id}/case-manager-candidates`),
  });
}

/** Active professionals of an organisation, to name on the team, for a visit or a consultation. */
export function useCaseProfessionals(id: string, organisationId: string) {
  return useQuery({
    queryKey: caseKeys.professionals(id, organisationId),
    queryFn: () =>
      api.get<Professional[]>(`/api/cases/${id}/professionals${queryString({ organisationId })}`),
    enabled: organisationId !== '',
    staleTime: 60_000,
  });
}

/** What a change on a case touches besides the case itself. */
function refreshAround(queryClient: QueryClient, clientId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: caseKeys.client(clientId) }),
    queryClient.invalidateQueries({ queryKey: ['worklist'] }),
    queryClient.invalidateQueries({ queryKey: ['timeline', clientId] }),
  ]);
}

/** Case commands answer with the whole case: it replaces the cached one. */
function useCaseCommand<I>(id: string, path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: I) => api.post<Case>(`/api/cases/${id}/${path}`, body),
    onSuccess: (k) => {
      queryClient.setQueryData(caseKeys.one(id), k);
      return Promise.all([
        refreshAround(queryClient, k.clientId),
        queryClient.invalidateQueries({ queryKey: caseKeys.candidates(id) }),
      ]);
    },
  });
}

export const useChangePhase = (id: string) => useCaseCommand<PhaseChangeInput>(id, 'phase-changes');
export const useCloseCase = (id: string) => useCaseCommand<CloseCaseInput>(id, 'close');
export const useAssignManager = (id: string) => useCaseCommand<AssignManagerInput>(id, 'case-manager');
export const useAddTeamMember = (id: string) => useCaseCommand<TeamMemberInput>(id, 'team-members');

export function useRemoveTeamMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ memberId, version }: { memberId: string; version: number }) =>
      api.post<Case>(`/api/cases/${id}/team-members/${memberId}/remove`, { version }),
    onSuccess: (k) => {
      queryClient.setQueryData(caseKeys.one(id), k);
      return Promise.all([
        refreshAround(queryClient, k.clientId),
        queryClient.invalidateQueries({ queryKey: caseKeys.candidates(id) }),
      ]);
    },
  });
}

// Entries on a case: visits, consultations and network meetings. Each list is reloaded after a save.

function useEntryList<T>(key: readonly unknown[], path: string) {
  return useQuery({ queryKey: key, queryFn: () => api.get<T[]>(path) });
}

function useEntryMutation<I, T>(
  caseId: string,
  clientId: string,
  listKey: readonly unknown[],
  send: (input: I) => Promise<T>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: listKey }),
        queryClient.invalidateQueries({ queryKey: caseKeys.one(caseId) }),
        refreshAround(queryClient, clientId),
      ]),
  });
}

export const useVisits = (caseId: string) =>
  useEntryList<Visit>(caseKeys.visits(caseId), `/api/cases/${caseId}/visits`);

export function useVisitMutations(caseId: string, clientId: string) {
  const key = caseKeys.visits(caseId);
  return {
    add: useEntryMutation(caseId, clientId, key, (body: VisitInput) =>
      api.post<Visit>(`/api/cases/${caseId}/visits`, body),
    ),
    update: useEntryMutation(caseId, clientId, key, ({ id, ...body }: VisitUpdate & { id: string }) =>
      api.put<Visit>(`/api/visits/${id}`, body),
    ),
    correct: useEntryMutation(caseId, clientId, key, ({ id, ...body }: VisitInput & { id: string }) =>
      api.post<Visit>(`/api/visits/${id}/corrections`, body),
    ),
  };
}

export const useConsultations = (caseId: string) =>
  useEntryList<Consultation>(caseKeys.consultations(caseId), `/api/cases/${caseId}/consultations`);

export function useConsultationMutations(caseId: string, clientId: string) {
  const key = caseKeys.consultations(caseId);
  return {
    ask: useEntryMutation(caseId, clientId, key, (body: ConsultationInput) =>
      api.post<Consultation>(`/api/cases/${caseId}/consultations`, body),
    ),
    update: useEntryMutation(caseId, clientId, key, ({ id, ...body }: ConsultationUpdate & { id: string }) =>
      api.put<Consultation>(`/api/consultations/${id}`, body),
    ),
    correct: useEntryMutation(caseId, clientId, key, ({ id, ...body }: ConsultationInput & { id: string }) =>
      api.post<Consultation>(`/api/consultations/${id}/corrections`, body),
    ),
    answer: useEntryMutation(caseId, clientId, key, ({ id, ...body }: AnswerInput & { id: string }) =>
      api.post<Consultation>(`/api/consultations/${id}/answer`, body),
    ),
  };
}

export const useMeetings = (caseId: string) =>
  useEntryList<Meeting>(caseKeys.meetings(caseId), `/api/cases/${caseId}/meetings`);

export function useMeetingMutations(caseId: string, clientId: string) {
  const key = caseKeys.meetings(caseId);
  return {
    add: useEntryMutation(caseId, clientId, key, (body: MeetingInput) =>
      api.post<Meeting>(`/api/cases/${caseId}/meetings`, body),
    ),
    update: useEntryMutation(caseId, clientId, key, ({ id, ...body }: MeetingUpdate & { id: string }) =>
      api.put<Meeting>(`/api/meetings/${id}`, body),
    ),
    correct: useEntryMutation(caseId, clientId, key, ({ id, ...body }: MeetingCorrection & { id: string }) =>
      api.post<Meeting>(`/api/meetings/${id}/corrections`, body),
    ),
    sign: useEntryMutation(caseId, clientId, key, ({ id, ...body }: SummaryInput & { id: string }) =>
      api.post<Meeting>(`/api/meetings/${id}/summary`, body),
    ),
  };
}
