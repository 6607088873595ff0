import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { Answers } from '../../modules/questionnaires/instrument.schema.ts';
import type { QuestionnaireFormDto } from '../../modules/questionnaires/questionnaire.schema.ts';
import { api, queryString } from '../api.ts';

export type QuestionnaireForm = QuestionnaireFormDto;
export type FormItem = QuestionnaireForm['instrument']['items'][number];
export type AnswerValues = Answers;

/**
 * The form a personal link opens. Without `lang` the API answers in the client's language; a dead, used,
 * expired or unknown link is one and the same 404.
 */
export function useQuestionnaire(token: string, lang: string | null) {
  return useQuery({
    queryKey: ['questionnaire', token, lang ?? 'client'],
    queryFn: () => api.get<QuestionnaireForm>(`/api/q/${encodeURIComponent(token)}${queryString({ lang })}`),
    staleTime: Number.POSITIVE_INFINITY,
    // Switching the language keeps the form on screen while the other language loads.
    placeholderData: keepPreviousData,
  });
}

export function useSaveAnswers(token: string) {
  return useMutation({
    mutationFn: (answers: AnswerValues) =>
      api.put<{ savedAt: string }>(`/api/q/${encodeURIComponent(token)}`, { answers }),
  });
}

export function useSubmitAnswers(token: string) {
  return useMutation({
    mutationFn: (answers: AnswerValues) =>
      api.post<{ submitted: true }>(`/api/q/${encodeURIComponent(token)}/submit`, { answers }),
  });
}
