import { useQuery } from '@tanstack/react-query';
import type { WorklistDto } from '../../modules/worklist/worklist.schema.ts';
import { api } from '../api.ts';

export type Worklist = WorklistDto;

export function useWorklist(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['worklist'],
    queryFn: () => api.get<Worklist>('/api/worklist'),
    enabled: options.enabled ?? true,
  });
}
