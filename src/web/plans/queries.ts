import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CaseDto, ManagerCandidateDto } from '../../modules/cases/case.schema.ts';
import type {
  AcknowledgementDto,
  PlanBody,
  PlanComparisonDto,
  PlanDto,
  PlanUpdateBody,
  PlanVersionDto,
  PlanVersionSummaryDto,
  ReviewBody,
  ReviewDto,
} from '../../modules/plans/plan.schema.ts';
import { ApiError, api, queryString } from '../api.ts';

export type Plan = PlanDto;
export type PlanInput = z.input<typeof PlanBody>;
export type PlanUpdate = z.input<typeof PlanUpdateBody>;
export type PlanVersionSummary = z.infer<typeof PlanVersionSummaryDto>;
export type PlanVersion = z.infer<typeof PlanVersionDto>;
export type PlanComparison = PlanComparisonDto;
export type Review = ReviewDto;
export type ReviewInput = z.input<typeof ReviewBody>;
export type Acknowledgement = AcknowledgementDto;
export type CaseOfPlan = CaseDto;
export type Professional = z.infer<typeof ManagerCandidateDto>;

export const planKeys = {
  ofCase: (caseId: string) => ['plans', 'case', caseId] as const,
  kase: (caseId: string) => ['plans', 'case', caseId, 'case'] as const,
  versions: (planId: string) => ['plans', 'one', planId, 'versions'] as const,
  comparison: (planId: string, from: number, to: number) =>
    ['plans', 'one', planId, 'compare', from, to] as const,
  professionals: (caseId: string, organisationId: string) =>
    ['plans', 'case', caseId, 'professionals', organisationId] as const,
};

/** The case the plan belongs to: the client's name, the organisation and the team in the heading. */
export function usePlanCase(caseId: string) {
  return useQuery({
    queryKey: planKeys.kase(caseId),
    queryFn: () => api.get<CaseOfPlan>(`/api/cases/${caseId}`),
  });
}

/** The case's plan, or null when the case has none yet (the API answers 404 then). */
export function usePlan(caseId: string) {
  return useQuery({
    queryKey: planKeys.ofCase(caseId),
    queryFn: async () => {
      try {
        return await api.get<Plan>(`/api/cases/${caseId}/plan`);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

function useInvalidatePlan(caseId: string) {
  const queryClient = useQueryClient();
  return (plan?: Plan) => {
    if (plan) queryClient.setQueryData(planKeys.ofCase(caseId), plan);
    return queryClient.invalidateQueries({ queryKey: ['plans'] });
  };
}

export function useCreatePlan(caseId: string) {
  const done = useInvalidatePlan(caseId);
  return useMutation({
    mutationFn: (body: PlanInput) => api.post<Plan>(`/api/cases/${caseId}/plan`, body),
    onSuccess: (plan) => done(plan),
  });
}

export function useSavePlan(caseId: string) {
  const done = useInvalidatePlan(caseId);
  return useMutation({
    mutationFn: (body: PlanUpdate) => api.put<Plan>(`/api/cases/${caseId}/plan`, body),
    onSuccess: (plan) => done(plan),
  });
}

export function useAcknowledgePlan(caseId: string, planId: string) {
  const done = useInvalidatePlan(caseId);
  return useMutation({
    mutationFn: (version: number) =>
      api.post<Acknowledgement>(`/api/plans/${planId}/acknowledgements`, { version, method: 'in_person' }),
    onSuccess: () => done(),
  });
}

export function useRecordReview(caseId: string, planId: string) {
  const done = useInvalidatePlan(caseId);
  return useMutation({
    mutationFn: (body: ReviewInput) => api.post<Review>(`/api/plans/${planId}/reviews`, body),
    onSuccess: () => done(),
  });
}

export function usePlanVersions(planId: string) {
  return useQuery({
    queryKey: planKeys.versions(planId),
    queryFn: () => api.get<PlanVersionSummary[]>(`/api/plans/${planId}/versions`),
  });
}

export function usePlanComparison(planId: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: planKeys.comparison(planId, from ?? 0, to ?? 0),
    queryFn: () =>
      api.get<PlanComparison>(`/api/plans/${planId}/versions/compare${queryString({ from, to })}`),
    enabled: from !== null && to !== null && from !== to,
  });
}

/** Active professionals of an organisation, to name as the person responsible for an action. */
export function useProfessionals(caseId: string, organisationId: string) {
  return useQuery({
    queryKey: planKeys.professionals(caseId, organisationId),
    queryFn: () =>
      api.get<Professional[]>(`/api/cases/${caseId}/professionals${queryString({ organisationId })}`),
    enabled: organisationId !== '',
    staleTime: 60_000,
  });
}

/** The PDF for the client to keep, in the client's language unless another is chosen. */
export function planPdfUrl(planId: string, lang?: string): string {
  return `/api/plans/${planId}/pdf${queryString({ lang })}`;
}
