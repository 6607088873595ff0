import type { Generated, Selectable } from 'kysely';
import type { TrackedOptionalActor } from '../../server/db/columns.ts';

/** team_id null: the network's default list, used by every team without active criteria of its own. */
export interface EligibilityCriterionTable extends TrackedOptionalActor {
  id: Generated<string>;
  team_id: string | null;
  ordinal: number;
  text_fi: string;
  text_sv: string;
  text_en: string;
  active: Generated<boolean>;
}
export type EligibilityCriterionRow = Selectable<EligibilityCriterionTable>;
