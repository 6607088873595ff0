import type { Generated, Insertable, Selectable } from 'kysely';
import type { Tracked } from '../../server/db/columns.ts';

export interface NetworkMeetingTable extends Tracked {
  id: Generated<string>;
  client_id: string;
  case_id: string;
  organisation_id: string;
  starts_at: Date;
  duration_minutes: number | null;
  client_participated: boolean | null;
  note: Generated<string>;
  /** The shared summary (yhteiskirjaaminen) and its author's signature. */
  summary: string | null;
  signed_by: string | null;
  signed_at: Date | null;
  corrects_id: string | null;
}
export type NetworkMeetingRow = Selectable<NetworkMeetingTable>;
export type NewNetworkMeetingRow = Insertable<NetworkMeetingTable>;

export interface NetworkMeetingOrganisationTable {
  meeting_id: string;
  organisation_id: string;
}
