import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  BreakGlassDto,
  ClientBody,
  ClientDto,
  ClientHistoryDto,
  ClientSummaryDto,
  ClientUpdateBody,
} from '../../modules/clients/client.schema.ts';
import { api, queryString } from '../api.ts';

export type Client = ClientDto;
export type ClientSummary = z.infer<typeof ClientSummaryDto>;
export type ClientHistory = z.infer<typeof ClientHistoryDto>;
export type ClientInput = z.input<typeof ClientBody>;
export type ClientUpdate = z.input<typeof ClientUpdateBody>;
export type BreakGlassAccess = z.infer<typeof BreakGlassDto>;

export const clientKeys = {
  search: (q: string) => ['clients', 'search', q] as const,
  client: (id: string) => ['clients', 'one', id] as const,
  history: (id: string) => ['clients', 'one', id, 'history'] as const,
};

export function useClientSearch(q: string) {
  return useQuery({
    queryKey: clientKeys.search(q),
    queryFn: () => api.get<ClientSummary[]>(`/api/clients${queryString({ q })}`),
    enabled: q.trim().length >= 2,
  });
}

export function useClient(id: string) {
  return useQuery({ queryKey: clientKeys.client(id), queryFn: () => api.get<Client>(`/api/clients/${id}`) });
}

export function useClientHistory(id: string) {
  return useQuery({
    queryKey: clientKeys.history(id),
    queryFn: () => api.get<ClientHistory>(`/api/clients/${id}/history`),
  });
}

export function useRegisterClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ClientInput) => api.post<Client>('/api/clients', body),
    onSuccess: (client) => {
      queryClient.setQueryData(clientKeys.client(client.id), client);
      return queryClient.invalidateQueries({ queryKey: ['clients', 'search'] });
    },
  });
}

export function useUpdateClient(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ClientUpdate) => api.put<Client>(`/api/clients/${id}`, body),
    onSuccess: (client) => {
      queryClient.setQueryData(clientKeys.client(id), client);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: clientKeys.history(id) }),
        queryClient.invalidateQueries({ queryKey: ['clients', 'search'] }),
      ]);
    },
  });
}

/** Emergency access: written reason, logged and reviewed; the client's data is then readable for 2 hours. */
export function useBreakGlass() {
  return useMutation({
    mutationFn: (body: { identityCode: string; reason: string }) =>
      api.post<BreakGlassAccess>('/api/clients/break-glass', body),
  });
}
