import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ContactPersonBody,
  ContactPersonDto,
  ContactPersonUpdateBody,
  ContactRateDto,
  EmployerBody,
  EmployerContactBody,
  EmployerContactDto,
  EmployerDto,
  EmployerSummaryDto,
  JobOpeningBody,
  JobOpeningDto,
  JobOpeningUpdateBody,
  SupportTypeDto,
  SupportUseBody,
  SupportUseDto,
} from '../../modules/employers/employer.schema.ts';
import { api, queryString } from '../api.ts';

export type Employer = EmployerDto;
export type EmployerSummary = z.infer<typeof EmployerSummaryDto>;
export type ContactPerson = z.infer<typeof ContactPersonDto>;
export type EmployerContact = z.infer<typeof EmployerContactDto>;
export type JobOpening = z.infer<typeof JobOpeningDto>;
export type SupportUse = z.infer<typeof SupportUseDto>;
export type SupportType = z.infer<typeof SupportTypeDto>;
export type ContactRate = z.infer<typeof ContactRateDto>;
export type EmployerInput = z.input<typeof EmployerBody>;
export type ContactPersonInput = z.input<typeof ContactPersonBody>;
export type ContactPersonUpdate = z.input<typeof ContactPersonUpdateBody>;
export type EmployerContactInput = z.input<typeof EmployerContactBody>;
export type JobOpeningInput = z.input<typeof JobOpeningBody>;
export type JobOpeningUpdate = z.input<typeof JobOpeningUpdateBody>;
export type SupportUseInput = z.input<typeof SupportUseBody>;

export const employerKeys = {
  list: (q: string) => ['employers', 'list', q] as const,
  one: (id: string) => ['employers', 'one', id] as const,
  openings: (employerId: string | undefined) => ['employers', 'openings', employerId ?? 'all'] as const,
  supportTypes: ['employers', 'support-types'] as const,
  contacts: (params: { from?: string; to?: string; coachUserId?: string; employerId?: string }) =>
    ['employer-contacts', 'list', params] as const,
  rate: (from: string, to: string) => ['employer-contacts', 'rate', from, to] as const,
};

export function useEmployers(q = '') {
  return useQuery({
    queryKey: employerKeys.list(q),
    queryFn: () => api.get<EmployerSummary[]>(`/api/employers${queryString({ q })}`),
  });
}

export function useEmployer(id: string | undefined) {
  return useQuery({
    queryKey: employerKeys.one(id ?? ''),
    queryFn: () => api.get<Employer>(`/api/employers/${id}`),
    enabled: Boolean(id),
  });
}

export function useJobOpenings(employerId: string | undefined) {
  return useQuery({
    queryKey: employerKeys.openings(employerId),
    queryFn: () => api.get<JobOpening[]>(`/api/job-openings${queryString({ employerId, status: 'open' })}`),
  });
}

export function useSupportTypes() {
  return useQuery({
    queryKey: employerKeys.supportTypes,
    queryFn: () => api.get<SupportType[]>('/api/code-lists/employment-supports'),
    staleTime: 10 * 60_000,
  });
}

export function useEmployerContacts(params: { from?: string; to?: string; employerId?: string }) {
  return useQuery({
    queryKey: employerKeys.contacts(params),
    queryFn: () => api.get<EmployerContact[]>(`/api/employer-contacts${queryString(params)}`),
  });
}

export function useContactRate(from: string, to: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: employerKeys.rate(from, to),
    queryFn: () => api.get<ContactRate>(`/api/employer-contacts/per-coach-week${queryString({ from, to })}`),
    enabled: options.enabled ?? true,
  });
}

/** Anything written about an employer changes its page, the register list and the openings. */
function useEmployerWrite<I, O>(send: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['employers'] }),
        queryClient.invalidateQueries({ queryKey: ['employer-contacts'] }),
      ]),
  });
}

export function useCreateEmployer() {
  return useEmployerWrite((body: EmployerInput) => api.post<Employer>('/api/employers', body));
}

export function useAddContactPerson(employerId: string) {
  return useEmployerWrite((body: ContactPersonInput) =>
    api.post<ContactPerson>(`/api/employers/${employerId}/contact-persons`, body),
  );
}

export function useUpdateContactPerson() {
  return useEmployerWrite(({ id, ...body }: ContactPersonUpdate & { id: string }) =>
    api.put<ContactPerson>(`/api/employer-contact-persons/${id}`, body),
  );
}

export function useAddOpening(employerId: string) {
  return useEmployerWrite((body: JobOpeningInput) =>
    api.post<JobOpening>(`/api/employers/${employerId}/job-openings`, body),
  );
}

export function useUpdateOpening() {
  return useEmployerWrite(({ id, ...body }: JobOpeningUpdate & { id: string }) =>
    api.put<JobOpening>(`/api/job-openings/${id}`, body),
  );
}

export function useAddSupportUse(employerId: string) {
  return useEmployerWrite((body: SupportUseInput) =>
    api.post<SupportUse>(`/api/employers/${employerId}/supports`, body),
  );
}

/** A contact about a client also changes that client's coaching (its contacts and measures). */
export function useLogEmployerContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EmployerContactInput) => api.post<EmployerContact>('/api/employer-contacts', body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['employers'] }),
        queryClient.invalidateQueries({ queryKey: ['employer-contacts'] }),
        queryClient.invalidateQueries({ queryKey: ['coaching'] }),
      ]),
  });
}
