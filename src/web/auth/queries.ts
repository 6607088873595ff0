import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionDto } from '../../server/auth/auth.schema.ts';
import { api, rememberCsrfToken } from '../api.ts';

export type Session = SessionDto;
export type AuthenticatedSession = Extract<SessionDto, { authenticated: true }>;
export type Membership = AuthenticatedSession['membership'];

export const sessionKey = ['session'] as const;

/** A new session (login, switch, logout) starts from a clean slate: no data of the previous one is kept. */
function startOver(queryClient: QueryClient, session: Session) {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
  queryClient.setQueryData(sessionKey, session);
}

export function useSessionQuery() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: () => api.get<Session>('/api/auth/session'),
    staleTime: 60_000,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api.post<Session>('/api/auth/login', body),
    onSuccess: (session) => startOver(queryClient, session),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await api.post('/api/auth/logout');
      rememberCsrfToken(null);
      return api.get<Session>('/api/auth/session');
    },
    onSuccess: (session) => startOver(queryClient, session),
    onError: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}

export function useSwitchMembership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (membershipId: string) => api.post<Session>('/api/auth/membership', { membershipId }),
    onSuccess: (session) => startOver(queryClient, session),
  });
}
