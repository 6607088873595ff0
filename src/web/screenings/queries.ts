import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ScreeningBody,
  ScreeningCreatedDto,
  ScreeningDto,
} from '../../modules/screenings/screening.schema.ts';
import { api } from '../api.ts';

export type Screening = ScreeningDto;
export type ScreeningCreated = z.infer<typeof ScreeningCreatedDto>;
export type ScreeningInput = z.input<typeof ScreeningBody>;

export function useScreening(id: string | null) {
  return useQuery({
    queryKey: ['screenings', 'one', id],
    queryFn: () => api.get<Screening>(`/api/screenings/${id}`),
    enabled: id !== null,
  });
}

/** Records the screening; for a person new to the organisation, registers the client in the same step. */
export function useRecordScreening() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ScreeningInput) => api.post<ScreeningCreated>('/api/screenings', body),
    onSuccess: (screening) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['timeline', screening.clientId] }),
        queryClient.invalidateQueries({ queryKey: ['clients', 'search'] }),
      ]),
  });
}
