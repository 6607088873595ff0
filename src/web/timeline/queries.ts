import { useQuery } from '@tanstack/react-query';
import type { TimelineEntryDto } from '../../modules/timeline/timeline.schema.ts';
import { api } from '../api.ts';

export type TimelineEntry = TimelineEntryDto;

/** Everything about the client the user may see, newest first; what is not shown is simply absent. */
export function useTimeline(clientId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['timeline', clientId],
    queryFn: () => api.get<TimelineEntry[]>(`/api/clients/${clientId}/timeline`),
    enabled: options.enabled ?? true,
  });
}
