import { consultationFigures } from './consultations.ts';
import { employmentFigures } from './employment.ts';
import { experienceFigures } from './experience.ts';
import type { FigureGroup } from './figure-group.ts';
import { networkFigures } from './network.ts';
import { outcomeFigures } from './outcomes.ts';
import { phaseFigures } from './phases.ts';
import { populationFigures } from './population.ts';
import { questionnaireFigures } from './questionnaires.ts';
import { referralFigures } from './referrals.ts';
import { visitFigures } from './visits.ts';
import { waitingFigures } from './waiting.ts';

/** Every figure group of the report, in the order the report shows them. A new group is added here. */
export const FIGURE_GROUPS: readonly FigureGroup[] = [
  populationFigures,
  visitFigures,
  consultationFigures,
  referralFigures,
  networkFigures,
  questionnaireFigures,
  experienceFigures,
  outcomeFigures,
  waitingFigures,
  phaseFigures,
  employmentFigures,
];
