import type { PathwayDto, PhaseDto } from './pathway.schema.ts';
import type { PathwayPhaseRow, PathwayRow } from './pathway.table.ts';

export function presentPhase(
  p: Pick<PathwayPhaseRow, 'id' | 'ordinal' | 'name_fi' | 'name_sv' | 'name_en'>,
): PhaseDto {
  return { id: p.id, ordinal: p.ordinal, nameFi: p.name_fi, nameSv: p.name_sv, nameEn: p.name_en };
}

export function presentPathway(p: PathwayRow, phases: PathwayPhaseRow[]): PathwayDto {
  return {
    id: p.id,
    code: p.code,
    nameFi: p.name_fi,
    nameSv: p.name_sv,
    nameEn: p.name_en,
    descriptionFi: p.description_fi,
    descriptionSv: p.description_sv,
    descriptionEn: p.description_en,
    staleAfterDays: p.stale_after_days,
    active: p.active,
    phases: phases.map(presentPhase),
    version: p.version,
  };
}
