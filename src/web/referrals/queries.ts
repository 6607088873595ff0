import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AcceptBody,
  AttachmentDto,
  RedirectBody,
  ReferralBody,
  ReferralDto,
  ReferralSummaryDto,
  ReturnBody,
} from '../../modules/referrals/referral.schema.ts';
import { api } from '../api.ts';

export type Referral = ReferralDto;
export type ReferralSummary = ReferralSummaryDto;
export type Attachment = z.infer<typeof AttachmentDto>;
export type ReferralInput = z.input<typeof ReferralBody>;
export type AcceptInput = z.input<typeof AcceptBody>;
export type ReturnInput = z.input<typeof ReturnBody>;
export type RedirectInput = z.input<typeof RedirectBody>;
export type Direction = 'incoming' | 'outgoing';

export const referralKeys = {
  list: (direction: Direction) => ['referrals', 'list', direction] as const,
  one: (id: string) => ['referrals', 'one', id] as const,
  client: (clientId: string) => ['referrals', 'client', clientId] as const,
};

export function useReferrals(direction: Direction) {
  return useQuery({
    queryKey: referralKeys.list(direction),
    queryFn: () => api.get<ReferralSummary[]>(`/api/referrals?direction=${direction}`),
  });
}

export function useClientReferrals(clientId: string) {
  return useQuery({
    queryKey: referralKeys.client(clientId),
    queryFn: () => api.get<ReferralSummary[]>(`/api/clients/${clientId}/referrals`),
  });
}

export function useReferral(id: string) {
  return useQuery({
    queryKey: referralKeys.one(id),
    queryFn: () => api.get<Referral>(`/api/referrals/${id}`),
  });
}

/** Any step on a referral changes the lists, the worklist and the client's timeline too. */
function useRefreshAfter() {
  const queryClient = useQueryClient();
  return (referral: Referral) => {
    queryClient.setQueryData(referralKeys.one(referral.id), referral);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: ['referrals', 'list'] }),
      queryClient.invalidateQueries({ queryKey: referralKeys.client(referral.clientId) }),
      queryClient.invalidateQueries({ queryKey: ['worklist'] }),
      queryClient.invalidateQueries({ queryKey: ['timeline', referral.clientId] }),
      queryClient.invalidateQueries({ queryKey: ['cases', 'client', referral.clientId] }),
      queryClient.invalidateQueries({ queryKey: ['consents', referral.clientId] }),
    ]);
  };
}

export function useSendReferral() {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: (body: ReferralInput) => api.post<Referral>('/api/referrals', body),
    onSuccess: refresh,
  });
}

/** One file as base64 JSON; a refused file (400 on body.contentBase64) leaves the referral as it was. */
export function useUploadAttachment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      referralId,
      fileName,
      contentBase64,
    }: {
      referralId: string;
      fileName: string;
      contentBase64: string;
    }) => api.post<Attachment>(`/api/referrals/${referralId}/attachments`, { fileName, contentBase64 }),
    onSettled: (_data, _error, { referralId }) =>
      queryClient.invalidateQueries({ queryKey: referralKeys.one(referralId) }),
  });
}

export function useReceiveReferral(id: string) {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: (version: number) => api.post<Referral>(`/api/referrals/${id}/receive`, { version }),
    onSuccess: refresh,
  });
}

export function useAcceptReferral(id: string) {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: (body: AcceptInput) => api.post<Referral>(`/api/referrals/${id}/accept`, body),
    onSuccess: refresh,
  });
}

export function useReturnReferral(id: string) {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: (body: ReturnInput) => api.post<Referral>(`/api/referrals/${id}/return`, body),
    onSuccess: refresh,
  });
}

export function useRedirectReferral(id: string) {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: (body: RedirectInput) => api.post<Referral>(`/api/referrals/${id}/redirect`, body),
    onSuccess: refresh,
  });
}

/** A file as the base64 the API takes (without the data: URL prefix). */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const ACCEPTED_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp'];
export const ACCEPT_ATTRIBUTE =
  '.pdf,.png,.jpg,.jpeg,.gif,.webp,application/pdf,image/png,image/jpeg,image/gif,image/webp';

/** A first check in the browser by the file's type and size; the server decides by the content. */
export function fileProblem(file: File): 'file_too_large' | 'unsupported_file_type' | null {
  if (file.size > MAX_ATTACHMENT_BYTES) return 'file_too_large';
  const byName = /\.(pdf|png|jpe?g|gif|webp)$/i.test(file.name);
  if (!ACCEPTED_TYPES.includes(file.type) && !byName) return 'unsupported_file_type';
  return null;
}
