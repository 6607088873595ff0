/** A phase as the rules see it: its pathway and its place in the pathway's order. */
export interface PhasePlace {
  id: string;
  pathway_id: string;
  ordinal: number;
}

export type PhaseChangeProblem = 'other_pathway' | 'current_phase' | 'skips_ahead' | 'unknown_phase';

export const PHASE_CHANGE_MESSAGES: Record<PhaseChangeProblem, string> = {
  unknown_phase: 'No such phase.',
  other_pathway: 'The phase belongs to another pathway than this case’s.',
  current_phase: 'The case is already in this phase.',
  skips_ahead: 'A case moves to the next phase or back to an earlier one; it cannot skip phases.',
};

/**
 * A case moves one phase forward, or back to any earlier phase (a client's situation can get worse); skipping
 * ahead would leave a phase of the agreed path undone.
 */
export function phaseChangeProblem(
  phases: readonly PhasePlace[],
  currentPhaseId: string,
  targetPhaseId: string,
): PhaseChangeProblem | null {
  const current = phases.find((p) => p.id === currentPhaseId);
  const target = phases.find((p) => p.id === targetPhaseId);
  if (!current) throw new Error(`case phase ${currentPhaseId} is not among the pathway's phases`);
  if (!target) return 'unknown_phase';
  if (target.pathway_id !== current.pathway_id) return 'other_pathway';
  if (target.id === current.id) return 'current_phase';
  if (target.ordinal < current.ordinal) return null;
  const next = phases
    .filter((p) => p.pathway_id === current.pathway_id && p.ordinal > current.ordinal)
    .sort((a, b) => a.ordinal - b.ordinal)[0];
  return next?.id === target.id ? null : 'skips_ahead';
}

/** The phases a case may move to now: every earlier one and the next. */
export function allowedPhaseIds(phases: readonly PhasePlace[], currentPhaseId: string): string[] {
  return phases.filter((p) => phaseChangeProblem(phases, currentPhaseId, p.id) === null).map((p) => p.id);
}
