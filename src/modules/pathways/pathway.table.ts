import type { Generated, Insertable, Selectable } from 'kysely';
import type { TrackedOptionalActor } from '../../server/db/columns.ts';

export interface PathwayTable extends TrackedOptionalActor {
  id: Generated<string>;
  code: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  description_fi: Generated<string>;
  description_sv: Generated<string>;
  description_en: Generated<string>;
  stale_after_days: number;
  active: Generated<boolean>;
}
export type PathwayRow = Selectable<PathwayTable>;
export type NewPathwayRow = Insertable<PathwayTable>;

export interface PathwayPhaseTable extends TrackedOptionalActor {
  id: Generated<string>;
  pathway_id: string;
  ordinal: number;
  name_fi: string;
  name_sv: string;
  name_en: string;
}
export type PathwayPhaseRow = Selectable<PathwayPhaseTable>;
