import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ClientPathCodeListsDto,
  CodeEntryBody,
  CodeEntryDto,
} from '../../modules/code-lists/client-path-code-list.schema.ts';
import type { PathwayBody, PathwayDto, PathwayUpdateBody } from '../../modules/pathways/pathway.schema.ts';
import type { CriteriaBody, CriteriaListDto } from '../../modules/referrals/eligibility-criterion.schema.ts';
import { api, queryString } from '../api.ts';

export type Pathway = PathwayDto;
export type PathwayInput = z.input<typeof PathwayBody>;
export type PathwayUpdate = z.input<typeof PathwayUpdateBody>;
export type ClientPathCodeLists = z.infer<typeof ClientPathCodeListsDto>;
export type CodeEntry = CodeEntryDto;
export type CodeEntryInput = z.input<typeof CodeEntryBody>;
export type CriteriaList = CriteriaListDto;
export type CriteriaInput = z.input<typeof CriteriaBody>;
export type CodeListKind = 'screening-situations' | 'case-outcomes';

const keys = {
  pathways: (includeInactive: boolean) => ['pathways', includeInactive] as const,
  codeLists: ['clientPathCodeLists'] as const,
  criteria: (teamId: string | null) => ['eligibilityCriteria', teamId ?? 'network'] as const,
};

/** The pathways and their phases in order (active ones unless asked). */
export function usePathways(includeInactive = false) {
  return useQuery({
    queryKey: keys.pathways(includeInactive),
    queryFn: () =>
      api.get<Pathway[]>(`/api/pathways${queryString({ includeInactive: includeInactive || undefined })}`),
    staleTime: 60_000,
  });
}

export function useCreatePathway() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PathwayInput) => api.post<Pathway>('/api/pathways', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pathways'] }),
  });
}

export function useUpdatePathway(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PathwayUpdate) => api.put<Pathway>(`/api/pathways/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pathways'] }),
  });
}

/** Check-list situations, case outcomes and the fixed codes of the path (names in three languages). */
export function useClientPathCodeLists() {
  return useQuery({
    queryKey: keys.codeLists,
    queryFn: () => api.get<ClientPathCodeLists>('/api/code-lists/client-path'),
    staleTime: 10 * 60_000,
  });
}

/** Adds or changes a code (PUT is by code); deactivating keeps it for old records. */
export function useSaveCodeEntry(kind: CodeListKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, ...body }: CodeEntryInput & { code: string }) =>
      api.put<CodeEntry>(`/api/code-lists/${kind}/${encodeURIComponent(code)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.codeLists }),
  });
}

/** A team's eligibility criteria (its own, or the network default it falls back to); null: the default. */
export function useEligibilityCriteria(teamId: string | null, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: keys.criteria(teamId),
    queryFn: () =>
      api.get<CriteriaList>(`/api/eligibility-criteria${queryString({ teamId: teamId ?? undefined })}`),
    enabled: options.enabled ?? true,
  });
}

export function useSaveCriteria(teamId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CriteriaInput) =>
      api.put<CriteriaList>(`/api/eligibility-criteria${queryString({ teamId: teamId ?? undefined })}`, body),
    onSuccess: (list) => {
      queryClient.setQueryData(keys.criteria(teamId), list);
      // Teams without their own list follow the default.
      return queryClient.invalidateQueries({ queryKey: ['eligibilityCriteria'] });
    },
  });
}
