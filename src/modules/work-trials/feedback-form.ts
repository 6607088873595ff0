import type { Language } from '../clients/client.table.ts';

/**
 * The work-trial supervisor's feedback form: the five areas the functional assessment in a work trial observes
 * (seed 001), each on a 1–5 scale with free text. Our own form, not an official instrument. A changed form is a new
 * FORM_VERSION; each answer keeps the version it was given under.
 */
export const FORM_VERSION = 1;

export const FEEDBACK_ITEMS = [
  'work_readiness',
  'coping',
  'health_at_work',
  'social_skills',
  'action_at_work',
] as const;
export type FeedbackItem = (typeof FEEDBACK_ITEMS)[number];

type Texts = Record<Language, string>;

export const ITEM_TEXTS: Record<FeedbackItem, { label: Texts; help: Texts }> = {
  work_readiness: {
    label: { fi: 'Työvalmiudet', sv: 'Arbetsfärdigheter', en: 'Work readiness' },
    help: {
      fi: 'Työtehtävien oppiminen ja hoitaminen, täsmällisyys, ohjeiden noudattaminen.',
      sv: 'Att lära sig och sköta arbetsuppgifterna, punktlighet, att följa instruktioner.',
      en: 'Learning and doing the tasks, punctuality, following instructions.',
    },
  },
  coping: {
    label: {
      fi: 'Jaksaminen ja selviytyminen työssä',
      sv: 'Ork och att klara arbetet',
      en: 'Coping at work',
    },
    help: {
      fi: 'Jaksaminen sovitun työajan, työn tahdin ja kuormituksen kanssa avoimilla työmarkkinoilla.',
      sv: 'Att orka med den överenskomna arbetstiden, arbetstakten och belastningen på den öppna arbetsmarknaden.',
      en: 'Coping with the agreed hours, pace and load as on the open labour market.',
    },
  },
  health_at_work: {
    label: {
      fi: 'Työssä näkyvä terveys ja toimintakyky',
      sv: 'Hälsa och funktionsförmåga som syns i arbetet',
      en: 'Health visible at work',
    },
    help: {
      fi: 'Mitä työssä näkyi: esimerkiksi väsymys, kivut tai poissaolot. Kirjaa vain havaintoja, ei arvioita sairauksista.',
      sv: 'Vad som syntes i arbetet: till exempel trötthet, smärta eller frånvaro. Skriv bara iakttagelser, inga bedömningar av sjukdomar.',
      en: 'What showed at work, such as tiredness, pain or absences. Write observations only, not judgements about illness.',
    },
  },
  social_skills: {
    label: { fi: 'Sosiaaliset taidot', sv: 'Sociala färdigheter', en: 'Social skills' },
    help: {
      fi: 'Vuorovaikutus työkavereiden, esihenkilön ja asiakkaiden kanssa; yhteistyö.',
      sv: 'Samspel med arbetskamrater, chef och kunder; samarbete.',
      en: 'Getting on with co-workers, the supervisor and customers; cooperation.',
    },
  },
  action_at_work: {
    label: { fi: 'Toiminta työssä', sv: 'Agerande i arbetet', en: 'Action at work' },
    help: {
      fi: 'Oma-aloitteisuus, työn laatu, työturvallisuus ja työyhteisön sääntöjen noudattaminen.',
      sv: 'Eget initiativ, arbetets kvalitet, arbetssäkerhet och att följa arbetsplatsens regler.',
      en: 'Initiative, quality of work, safety and following the workplace’s rules.',
    },
  },
};

/** The scale; null ("could not assess") is also an answer. */
export const SCALE: { value: 1 | 2 | 3 | 4 | 5; label: Texts }[] = [
  {
    value: 1,
    label: {
      fi: '1 – Merkittäviä vaikeuksia',
      sv: '1 – Betydande svårigheter',
      en: '1 – Major difficulties',
    },
  },
  {
    value: 2,
    label: { fi: '2 – Jonkin verran vaikeuksia', sv: '2 – Vissa svårigheter', en: '2 – Some difficulties' },
  },
  { value: 3, label: { fi: '3 – Sujuu tuettuna', sv: '3 – Går med stöd', en: '3 – Manages with support' } },
  { value: 4, label: { fi: '4 – Sujuu hyvin', sv: '4 – Går bra', en: '4 – Goes well' } },
  { value: 5, label: { fi: '5 – Sujuu erinomaisesti', sv: '5 – Går utmärkt', en: '5 – Goes very well' } },
];

export const CANNOT_ASSESS: Texts = { fi: 'En osaa arvioida', sv: 'Kan inte bedöma', en: 'Cannot assess' };

export const KIND_TEXTS: Record<'midpoint' | 'final', Texts> = {
  midpoint: {
    fi: 'Työkokeilun väliarviointi',
    sv: 'Mellanbedömning av arbetsprövningen',
    en: 'Work trial: mid-point feedback',
  },
  final: {
    fi: 'Työkokeilun loppuarviointi',
    sv: 'Slutbedömning av arbetsprövningen',
    en: 'Work trial: final feedback',
  },
};
