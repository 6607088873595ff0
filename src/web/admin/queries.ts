import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  OrganisationBody,
  OrganisationDto,
  OrganisationUpdateBody,
  TeamBody,
  TeamDto,
  TeamUpdateBody,
} from '../../modules/organisations/organisation.schema.ts';
import type { UserBody, UserDto, UserUpdateBody } from '../../modules/users/user.schema.ts';
import { api, queryString } from '../api.ts';

export type Organisation = OrganisationDto;
export type Team = TeamDto;
export type User = UserDto;
export type OrganisationInput = z.input<typeof OrganisationBody>;
export type OrganisationUpdate = z.input<typeof OrganisationUpdateBody>;
export type TeamInput = z.input<typeof TeamBody>;
export type TeamUpdate = z.input<typeof TeamUpdateBody>;
export type UserInput = z.input<typeof UserBody>;
export type UserUpdate = z.input<typeof UserUpdateBody>;

const keys = {
  organisations: ['organisations'] as const,
  teams: (organisationId?: string) => ['teams', organisationId ?? 'all'] as const,
  users: (organisationId?: string) => ['users', 'list', organisationId ?? 'all'] as const,
  user: (id: string) => ['users', 'one', id] as const,
};

/** Every signed-in user may list the organisations (consents name them). */
export function useOrganisations() {
  return useQuery({
    queryKey: keys.organisations,
    queryFn: () => api.get<Organisation[]>('/api/organisations'),
    staleTime: 60_000,
  });
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganisationInput) => api.post<Organisation>('/api/organisations', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.organisations }),
  });
}

export function useUpdateOrganisation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganisationUpdate) => api.put<Organisation>(`/api/organisations/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.organisations }),
  });
}

export function useTeams(organisationId?: string) {
  return useQuery({
    queryKey: keys.teams(organisationId),
    queryFn: () => api.get<Team[]>(`/api/teams${queryString({ organisationId })}`),
  });
}

export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TeamInput) => api.post<Team>('/api/teams', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['teams'] }),
  });
}

export function useUpdateTeam(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TeamUpdate) => api.put<Team>(`/api/teams/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['teams'] }),
  });
}

export function useUsers(organisationId?: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: keys.users(organisationId),
    queryFn: () => api.get<User[]>(`/api/users${queryString({ organisationId })}`),
    enabled: options.enabled ?? true,
  });
}

export function useUser(id: string) {
  return useQuery({ queryKey: keys.user(id), queryFn: () => api.get<User>(`/api/users/${id}`) });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserInput) => api.post<User>('/api/users', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserUpdate) => api.put<User>(`/api/users/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
