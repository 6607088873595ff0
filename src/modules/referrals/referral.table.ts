import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Tracked } from '../../server/db/columns.ts';

export const REFERRAL_STATUSES = ['sent', 'received', 'accepted', 'returned', 'redirected'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export interface ReferralTable extends Tracked {
  id: Generated<string>;
  client_id: string;
  referring_organisation_id: string;
  receiving_team_id: string;
  receiving_organisation_id: string;
  screening_id: string | null;
  consent_id: string | null;
  reason: string;
  status: Generated<ReferralStatus>;
  sent_at: Date;
  return_reason: string | null;
  eligibility_justification: string | null;
  redirected_from_id: string | null;
  redirected_to_id: string | null;
  /** Since when the client has been unemployed without a break, as the referrer knows it (reports, issue 5). */
  unemployed_since: ColumnType<string | null, string | null | undefined, string | null>;
}
export type ReferralRow = Selectable<ReferralTable>;
export type NewReferralRow = Insertable<ReferralTable>;

/** Append-only: one row per step, with the organisation that took it. */
export interface ReferralStatusChangeTable {
  id: Generated<string>;
  /** Orders steps taken at the same instant. */
  seq: Generated<number>;
  referral_id: string;
  organisation_id: string;
  from_status: ReferralStatus | null;
  to_status: ReferralStatus;
  note: Generated<string>;
  created_at: Date;
  created_by: string;
}

/** Immutable files: content checked by its bytes, stored with its checksum. */
export interface ReferralAttachmentTable {
  id: Generated<string>;
  referral_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  created_at: Date;
  created_by: string;
}

export interface ReferralEligibilityTable {
  referral_id: string;
  criterion_id: string;
  met: boolean;
  created_at: Date;
  created_by: string;
}
