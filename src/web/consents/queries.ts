import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ConsentBody, ConsentDto } from '../../modules/consents/consent.schema.ts';
import { api } from '../api.ts';

export type Consent = ConsentDto;
export type ConsentInput = z.input<typeof ConsentBody>;

const consentsKey = (clientId: string) => ['consents', clientId] as const;

export function useConsents(clientId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: consentsKey(clientId),
    queryFn: () => api.get<Consent[]>(`/api/clients/${clientId}/consents`),
    enabled: options.enabled ?? true,
  });
}

export function useAddConsent(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConsentInput) => api.post<Consent>(`/api/clients/${clientId}/consents`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consentsKey(clientId) }),
  });
}

/** Takes effect at once; the list is reloaded whatever the answer, so a stale row is replaced. */
export function useWithdrawConsent(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, note }: { id: string; version: number; note: string }) =>
      api.post<Consent>(`/api/consents/${id}/withdraw`, { version, note }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: consentsKey(clientId) }),
  });
}
