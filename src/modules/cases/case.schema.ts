import { z } from 'zod';
import { IsoDate } from '../../server/http/schemas.ts';
import { CLIENT_WORKER_ROLES } from '../../server/policy/roles.ts';
import { PhaseDto } from '../pathways/pathway.schema.ts';

const Note = z.string().trim().max(4000).default('');
const Version = z.number().int().positive();

export const CaseMemberParams = z.object({ id: z.uuid(), memberId: z.uuid() });

export const PhaseChangeBody = z.object({
  phaseId: z.uuid(),
  /** Default: today; not in the future, not before the previous change. */
  changedOn: IsoDate.optional(),
  note: Note,
  version: Version,
});
export type PhaseChangeInput = z.infer<typeof PhaseChangeBody>;

export const CloseCaseBody = z.object({
  closedOn: IsoDate.optional(),
  /** A code of GET /api/code-lists/client-path caseOutcomes. */
  outcomeCode: z.string().trim().min(1).max(50),
  note: Note,
  version: Version,
});
export type CloseCaseInput = z.infer<typeof CloseCaseBody>;

export const AssignManagerBody = z.object({
  userId: z.uuid(),
  /** The organisation the user acts for; needed only when the user works for several on the team. */
  organisationId: z.uuid().optional(),
  note: Note,
  version: Version,
});
export type AssignManagerInput = z.infer<typeof AssignManagerBody>;

export const TeamMemberBody = z.object({
  organisationId: z.uuid(),
  /** A named professional of that organisation; leave out to add the organisation alone. */
  userId: z.uuid().optional(),
  role: z.enum(CLIENT_WORKER_ROLES),
});
export type TeamMemberInput = z.infer<typeof TeamMemberBody>;

export const RemoveMemberBody = z.object({ version: Version });

const Named = z.object({ id: z.uuid(), name: z.string() });

export const CasePathwayDto = z.object({
  id: z.uuid(),
  code: z.string(),
  nameFi: z.string(),
  nameSv: z.string(),
  nameEn: z.string(),
  staleAfterDays: z.number().int(),
});

export const CaseManagerDto = z.object({
  assignmentId: z.uuid(),
  userId: z.uuid(),
  name: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  note: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
});

export const CaseSummaryDto = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  team: Named,
  organisation: Named,
  pathway: CasePathwayDto,
  currentPhase: PhaseDto,
  phaseChangedOn: z.string(),
  daysInPhase: z.number().int(),
  /** Open, and the phase has not changed for longer than the pathway's limit. */
  stale: z.boolean(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  outcomeCode: z.string().nullable(),
  caseManager: CaseManagerDto.nullable(),
  version: z.number().int(),
});
export type CaseSummaryDto = z.infer<typeof CaseSummaryDto>;

export const PhaseChangeDto = z.object({
  id: z.uuid(),
  fromPhaseId: z.uuid().nullable(),
  toPhaseId: z.uuid(),
  changedOn: z.string(),
  note: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
});

export const TeamMemberDto = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  userId: z.uuid().nullable(),
  userName: z.string().nullable(),
  role: z.string(),
  addedAt: z.string(),
  addedBy: z.string().nullable(),
  removedAt: z.string().nullable(),
  removedBy: z.string().nullable(),
  /** Whether the client's consent lets this organisation read the case (its own case, or a 'plan' consent). */
  canReadPlan: z.boolean(),
  version: z.number().int(),
});

export const CaseDto = CaseSummaryDto.extend({
  referralId: z.uuid().nullable(),
  closingNote: z.string().nullable(),
  phases: z.array(PhaseDto),
  /** The phases the case may move to now: any earlier one and the next. Empty when closed. */
  allowedPhaseIds: z.array(z.uuid()),
  phaseHistory: z.array(PhaseChangeDto),
  caseManagerHistory: z.array(CaseManagerDto),
  /** Active members first; removed ones stay listed with removedAt. */
  members: z.array(TeamMemberDto),
});
export type CaseDto = z.infer<typeof CaseDto>;

export const ProfessionalQuery = z.object({ organisationId: z.uuid() });

export const ManagerCandidateDto = z.object({
  userId: z.uuid(),
  name: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  role: z.string(),
});
