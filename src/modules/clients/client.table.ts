import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CalendarDate, Tracked } from '../../server/db/columns.ts';

export type Language = 'fi' | 'sv' | 'en';
export type ContactPreference = 'phone' | 'sms' | 'email' | 'letter';

export interface ClientTable extends Tracked {
  id: Generated<string>;
  identity_code: string;
  date_of_birth: CalendarDate;
  sex: 'male' | 'female';
  first_name: string;
  last_name: string;
  phone: string | null;
  email: string | null;
  street_address: string | null;
  postal_code: string | null;
  post_office: string | null;
  municipality: string;
  preferred_language: Language;
  contact_preference: ContactPreference;
  registering_organisation_id: string;
}
export type ClientRow = Selectable<ClientTable>;
export type NewClientRow = Insertable<ClientTable>;
export type ClientUpdate = Updateable<ClientTable>;

/** A view: every basis on which an organisation may process a client's data. */
export interface CareRelationshipView {
  client_id: string;
  organisation_id: string;
  basis: string;
}

export interface BreakGlassAccessTable {
  id: Generated<string>;
  user_id: string;
  organisation_id: string;
  role: string;
  client_id: string;
  reason: string;
  started_at: Generated<Date>;
  expires_at: Date;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  review_note: string | null;
}
export type BreakGlassAccessRow = Selectable<BreakGlassAccessTable>;
