import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateReviewBody,
  FidelityItemDto,
  ReviewDto,
  TeamFidelityDto,
  UpdateReviewBody,
} from '../../modules/fidelity/fidelity.schema.ts';
import { api } from '../api.ts';

export type FidelityItem = z.infer<typeof FidelityItemDto>;
export type FidelityReview = ReviewDto;
export type ReviewItem = FidelityReview['items'][number];
export type TeamFidelity = z.infer<typeof TeamFidelityDto>;
export type ReviewSummary = TeamFidelity['history'][number];
export type CreateReviewInput = z.input<typeof CreateReviewBody>;
export type UpdateReviewInput = z.input<typeof UpdateReviewBody>;

const keys = {
  teams: ['fidelity', 'teams'] as const,
  team: (teamId: string) => ['fidelity', 'team', teamId] as const,
  review: (id: string) => ['fidelity', 'review', id] as const,
};

export function useFidelityTeams() {
  return useQuery({ queryKey: keys.teams, queryFn: () => api.get<TeamFidelity[]>('/api/fidelity/teams') });
}

export function useTeamFidelity(teamId: string) {
  return useQuery({
    queryKey: keys.team(teamId),
    queryFn: () => api.get<TeamFidelity>(`/api/teams/${teamId}/fidelity-reviews`),
  });
}

export function useFidelityReview(id: string) {
  return useQuery({
    queryKey: keys.review(id),
    queryFn: () => api.get<FidelityReview>(`/api/fidelity-reviews/${id}`),
  });
}

/** A saved or finalised review changes the team's summary and history too. */
function useReviewWrite<I>(send: (input: I) => Promise<FidelityReview>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (review) => {
      queryClient.setQueryData(keys.review(review.id), review);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.teams }),
        queryClient.invalidateQueries({ queryKey: keys.team(review.team.id) }),
      ]);
    },
  });
}

export function useCreateReview(teamId: string) {
  return useReviewWrite((body: CreateReviewInput) =>
    api.post<FidelityReview>(`/api/teams/${teamId}/fidelity-reviews`, body),
  );
}

export function useUpdateReview(id: string) {
  return useReviewWrite((body: UpdateReviewInput) =>
    api.put<FidelityReview>(`/api/fidelity-reviews/${id}`, body),
  );
}

export function useFinaliseReview(id: string) {
  return useReviewWrite((body: { version: number }) =>
    api.post<FidelityReview>(`/api/fidelity-reviews/${id}/finalise`, body),
  );
}
