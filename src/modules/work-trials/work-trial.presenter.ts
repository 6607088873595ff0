import type { z } from 'zod';
import type { Language } from '../clients/client.table.ts';
import {
  type DisclosureChoice,
  presentClientToEmployer,
} from '../employers/client-for-employer.presenter.ts';
import { CANNOT_ASSESS, FEEDBACK_ITEMS, ITEM_TEXTS, KIND_TEXTS, SCALE } from './feedback-form.ts';
import type { LinkWithNames, LiveFeedbackLink, WorkTrialWithNames } from './work-trial.repository.ts';
import type { FeedbackDto, FeedbackFormDto, FeedbackLinkDto, WorkTrialDto } from './work-trial.schema.ts';
import type { WorkTrialFeedbackRow } from './work-trial.table.ts';
import { midpointOf, workTrialStatus } from './work-trial-status.ts';

export function presentFeedback(f: WorkTrialFeedbackRow): FeedbackDto {
  return {
    id: f.id,
    workTrialId: f.work_trial_id,
    kind: f.kind,
    formVersion: f.form_version,
    items: FEEDBACK_ITEMS.map((item) => ({ item, score: f[item], note: f[`${item}_note`] })),
    overallNote: f.overall_note,
    respondentName: f.respondent_name,
    answeredOn: f.answered_on,
  };
}

function linkStatus(l: LinkWithNames, now: Date): z.infer<typeof FeedbackLinkDto>['status'] {
  if (l.used_at) return 'used';
  if (l.revoked_at) return 'revoked';
  return l.expires_at <= now ? 'expired' : 'open';
}

export function presentWorkTrial(
  w: WorkTrialWithNames,
  links: LinkWithNames[],
  feedback: WorkTrialFeedbackRow[] | null,
  now: Date,
  today: string,
): WorkTrialDto {
  return {
    id: w.id,
    coachingId: w.coaching_id,
    clientId: w.client_id,
    employer: { id: w.employer_id, name: w.employer_name },
    supervisor: { id: w.supervisor_contact_person_id, name: w.supervisor_name, email: w.supervisor_email },
    tasks: w.tasks,
    goals: w.goals,
    hoursPerWeek: w.hours_per_week,
    startsOn: w.starts_on,
    endsOn: w.ends_on,
    midpointOn: midpointOf(w.starts_on, w.ends_on),
    interruptedOn: w.interrupted_on,
    interruptionNote: w.interruption_note,
    status: workTrialStatus(w, today),
    links: links.map((l) => ({
      id: l.id,
      kind: l.kind,
      contactPerson: { id: l.contact_person_id, name: l.contact_person_name },
      language: l.language,
      sentAt: l.sent_at.toISOString(),
      expiresAt: l.expires_at.toISOString(),
      status: linkStatus(l, now),
    })),
    feedback: feedback ? feedback.map(presentFeedback) : null,
    version: w.version,
  };
}

/**
 * The supervisor's form. Of the client it shows only what presentClientToEmployer lets through (the disclosure
 * choice); of the trial the employer's own name, the tasks and the period — not the goals, which are the client's.
 */
export function presentFeedbackForm(
  link: LiveFeedbackLink,
  client: { first_name: string; last_name: string },
  choice: DisclosureChoice,
  lang: Language,
): z.infer<typeof FeedbackFormDto> {
  return {
    kind: link.kind,
    language: lang,
    title: KIND_TEXTS[link.kind][lang],
    employerName: link.employer_name,
    tasks: link.tasks,
    startsOn: link.starts_on,
    endsOn: link.ends_on,
    client: presentClientToEmployer(client, choice),
    items: FEEDBACK_ITEMS.map((id) => ({
      id,
      label: ITEM_TEXTS[id].label[lang],
      help: ITEM_TEXTS[id].help[lang],
    })),
    scale: SCALE.map((s) => ({ value: s.value, label: s.label[lang] })),
    cannotAssess: CANNOT_ASSESS[lang],
    expiresAt: link.expires_at.toISOString(),
  };
}
