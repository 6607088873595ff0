import { z } from 'zod';
import { IsoDate, Text } from '../../server/http/schemas.ts';
import { CONSENT_METHODS } from '../consents/consent.schema.ts';
import { REFERRAL_STATUSES } from './referral.table.ts';

const Version = z.number().int().positive();

/** A consent captured on the referral form: from the referring organisation to the receiving team's. */
export const ReferralConsentInput = z
  .object({
    /** Must include 'assessment' (the category of a referral). */
    categories: z
      .array(z.string().min(1).max(40))
      .min(1, { message: 'Choose at least one data category' })
      .max(20),
    validFrom: IsoDate,
    validUntil: IsoDate,
    method: z.enum(CONSENT_METHODS),
    note: z.string().trim().max(2000).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.validUntil < v.validFrom) {
      ctx.addIssue({
        code: 'custom',
        path: ['validUntil'],
        message: 'The end date is before the start date',
      });
    }
  });

export const ReferralBody = z
  .object({
    clientId: z.uuid(),
    receivingTeamId: z.uuid(),
    reason: Text(4000),
    /** A screening of this client recorded by your organisation. */
    screeningId: z.uuid().optional(),
    /**
     * The client's consent to disclose to the receiving team's organisation — required when that is another
     * organisation: either an existing active consent (consentId) or a new one recorded here (consent).
     */
    consentId: z.uuid().optional(),
    consent: ReferralConsentInput.optional(),
    /** Since when the client has been unemployed without a break, if known (reports count 12+ months and 3+ years). */
    unemployedSince: IsoDate.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.consentId && v.consent) {
      ctx.addIssue({
        code: 'custom',
        path: ['consent'],
        message: 'Give either consentId or a new consent, not both',
      });
    }
  });
export type ReferralInput = z.infer<typeof ReferralBody>;

export const ReferralListQuery = z.object({
  /** incoming: to your organisation's teams; outgoing: sent by your organisation. */
  direction: z.enum(['incoming', 'outgoing']),
  /** Comma-separated statuses, e.g. sent,received. Default: all. */
  status: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((s) => s.trim()) : undefined))
    .pipe(z.array(z.enum(REFERRAL_STATUSES)).optional()),
});

export const VersionBody = z.object({ version: Version });

export const EligibilityAnswer = z.object({ criterionId: z.uuid(), met: z.boolean() });

export const AcceptBody = z.object({
  /** Every criterion of the team (GET /api/eligibility-criteria?teamId=) with whether it is met. */
  eligibility: z.array(EligibilityAnswer).max(50),
  /** Required when any criterion is not met: why the team accepts the client anyway. */
  justification: z.string().trim().max(4000).optional(),
  pathwayId: z.uuid(),
  /** Default: the pathway's first phase. */
  startPhaseId: z.uuid().optional(),
  /** Default: you. An active professional of the receiving organisation. */
  caseManagerUserId: z.uuid().optional(),
  version: Version,
});
export type AcceptInput = z.infer<typeof AcceptBody>;

export const ReturnBody = z.object({
  reason: Text(4000),
  /** Optional: the criteria read so far (the referring organisation does not see them). */
  eligibility: z.array(EligibilityAnswer).max(50).optional(),
  version: Version,
});
export type ReturnInput = z.infer<typeof ReturnBody>;

export const RedirectBody = z.object({
  teamId: z.uuid(),
  note: z.string().trim().max(4000).default(''),
  /** A consent to disclose to the new team's organisation, when the referral's own does not cover it. */
  consentId: z.uuid().optional(),
  version: Version,
});
export type RedirectInput = z.infer<typeof RedirectBody>;

const Named = z.object({ id: z.uuid(), name: z.string() });

export const ReferralSummaryDto = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  referringOrganisation: Named,
  receivingTeam: Named,
  receivingOrganisation: Named,
  reason: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  sentAt: z.string(),
  sentBy: z.string().nullable(),
  /** The outcome the referring organisation sees. */
  returnReason: z.string().nullable(),
  redirectedFromId: z.uuid().nullable(),
  redirectedToId: z.uuid().nullable(),
  caseId: z.uuid().nullable(),
  version: z.number().int(),
});
export type ReferralSummaryDto = z.infer<typeof ReferralSummaryDto>;

export const AttachmentDto = z.object({
  id: z.uuid(),
  fileName: z.string(),
  /** From the file's content, not its name. */
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
});

export const ReferralDto = ReferralSummaryDto.extend({
  screeningId: z.uuid().nullable(),
  unemployedSince: z.string().nullable(),
  consentId: z.uuid().nullable(),
  /** The receiver's reading of the criteria: shown to the receiving organisation only. */
  eligibility: z
    .array(
      z.object({
        criterionId: z.uuid(),
        textFi: z.string(),
        textSv: z.string(),
        textEn: z.string(),
        met: z.boolean(),
      }),
    )
    .nullable(),
  eligibilityJustification: z.string().nullable(),
  statusHistory: z.array(
    z.object({
      fromStatus: z.enum(REFERRAL_STATUSES).nullable(),
      toStatus: z.enum(REFERRAL_STATUSES),
      note: z.string(),
      organisationId: z.uuid(),
      organisationName: z.string(),
      at: z.string(),
      by: z.string().nullable(),
    }),
  ),
  attachments: z.array(AttachmentDto),
  /** What you may do now, so that the UI does not repeat the rules. */
  permissions: z.object({
    receive: z.boolean(),
    accept: z.boolean(),
    return: z.boolean(),
    redirect: z.boolean(),
    attach: z.boolean(),
  }),
});
export type ReferralDto = z.infer<typeof ReferralDto>;

export const AttachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });

/** Max ~14 MB of JSON: 10 MB of file as base64 is 13.4 MB. */
export const ATTACHMENT_BODY_LIMIT = 14 * 1024 * 1024;

export const AttachmentBody = z.object({
  fileName: Text(200),
  /** The file's bytes as base64 (PDF, PNG, JPEG, GIF or WebP; at most 10 MB). */
  contentBase64: z.string().min(1).max(ATTACHMENT_BODY_LIMIT),
});
export type AttachmentInput = z.infer<typeof AttachmentBody>;
