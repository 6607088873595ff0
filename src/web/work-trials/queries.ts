import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  FeedbackAnswersBody,
  FeedbackDto,
  FeedbackFormDto,
  FeedbackLinkBody,
  FunctionalAssessmentDto,
  WorkTrialBody,
  WorkTrialDto,
} from '../../modules/work-trials/work-trial.schema.ts';
import { api, queryString } from '../api.ts';
import type { Language } from '../i18n/language.tsx';

export type WorkTrial = WorkTrialDto;
export type Feedback = FeedbackDto;
export type FunctionalAssessment = z.infer<typeof FunctionalAssessmentDto>;
export type FeedbackForm = z.infer<typeof FeedbackFormDto>;
export type WorkTrialInput = z.input<typeof WorkTrialBody>;
export type FeedbackLinkInput = z.input<typeof FeedbackLinkBody>;
export type FeedbackAnswers = z.input<typeof FeedbackAnswersBody>;

export const workTrialKeys = {
  one: (id: string) => ['work-trials', 'one', id] as const,
  assessments: (clientId: string) => ['work-trials', 'assessments', clientId] as const,
  form: (token: string, lang: Language | null) => ['work-trial-feedback', token, lang ?? 'link'] as const,
};

export function useWorkTrial(id: string) {
  return useQuery({
    queryKey: workTrialKeys.one(id),
    queryFn: () => api.get<WorkTrial>(`/api/work-trials/${id}`),
  });
}

export function useFunctionalAssessments(clientId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: workTrialKeys.assessments(clientId),
    queryFn: () => api.get<FunctionalAssessment[]>(`/api/clients/${clientId}/functional-assessments`),
    enabled: options.enabled ?? true,
  });
}

export function useCreateWorkTrial(coachingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WorkTrialInput) =>
      api.post<WorkTrial>(`/api/coachings/${coachingId}/work-trials`, body),
    onSuccess: (trial) => {
      queryClient.setQueryData(workTrialKeys.one(trial.id), trial);
      return queryClient.invalidateQueries({ queryKey: ['coaching', 'one', coachingId] });
    },
  });
}

/** The new link revokes an earlier unanswered one of the same kind: the trial is replaced whatever happens. */
export function useSendFeedbackLink(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FeedbackLinkInput) =>
      api.post<WorkTrial>(`/api/work-trials/${id}/feedback-links`, body),
    onSuccess: (trial) => queryClient.setQueryData(workTrialKeys.one(id), trial),
  });
}

/** The supervisor's form; the link's own language unless another is asked for. */
export function useFeedbackForm(token: string, lang: Language | null) {
  return useQuery({
    queryKey: workTrialKeys.form(token, lang),
    queryFn: () => api.get<FeedbackForm>(`/api/work-trial-feedback/${token}${queryString({ lang })}`),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSubmitFeedback(token: string) {
  return useMutation({
    mutationFn: (body: FeedbackAnswers) =>
      api.post<{ submitted: true }>(`/api/work-trial-feedback/${token}`, body),
  });
}
