import type { Trx } from '../../server/db/database.ts';
import { deadLink, LINK_RATE_LIMIT, LinkTokenParams } from '../../server/http/personal-link.ts';
import { type AuditNotes, defineRoute } from '../../server/http/route.ts';
import { disclosureOf } from '../employers/client-for-employer.presenter.ts';
import { presentFeedbackForm } from './work-trial.presenter.ts';
import { clientOfFeedbackToken, findLiveFeedbackLink } from './work-trial.repository.ts';
import {
  FeedbackAnswersBody,
  FeedbackFormDto,
  FeedbackFormQuery,
  FeedbackSubmittedDto,
} from './work-trial.schema.ts';
import { submitFeedback } from './work-trial.service.ts';

// The employer's supervisor answers without an account, through a personal link (the client questionnaires' rules).
const tags = ['work-trial feedback (employer link)'];
// A disclosure to the employer's contact person, as the client agreed; logged under the client.
const purpose = 'employer_feedback';

/** The live link of a token, or the one neutral 404; the client behind a dead token is still logged. */
async function liveLink(trx: Trx, token: string, now: Date, audit: AuditNotes) {
  const link = await findLiveFeedbackLink(trx, token, now);
  if (link) {
    audit.clientIds.push(link.client_id);
    audit.targetId = link.work_trial_id;
    audit.metadata.kind = link.kind;
    return link;
  }
  const known = await clientOfFeedbackToken(trx, token);
  if (known) {
    audit.clientIds.push(known.client_id);
    audit.targetId = known.id;
  }
  throw deadLink();
}

const open = defineRoute({
  method: 'GET',
  url: '/api/work-trial-feedback/:token',
  summary:
    'The feedback form a supervisor’s link opens; of the client only what the client agreed to disclose',
  tags,
  action: 'workTrialFeedback.open',
  audit: 'WorkTrialFeedbackOpen',
  purpose,
  rateLimit: LINK_RATE_LIMIT,
  params: LinkTokenParams,
  querystring: FeedbackFormQuery,
  response: FeedbackFormDto,
  async handler({ trx, params, query, now, audit }) {
    const link = await liveLink(trx, params.token, now, audit);
    const client = await trx
      .selectFrom('client')
      .select(['first_name', 'last_name'])
      .where('id', '=', link.client_id)
      .executeTakeFirstOrThrow();
    const profile = await trx
      .selectFrom('vocational_profile')
      .select(['disclose_name', 'disclose_health', 'disclosure_text'])
      .where('coaching_id', '=', link.coaching_id)
      .executeTakeFirst();
    const choice = disclosureOf(profile);
    audit.metadata.nameDisclosed = choice.discloseName;
    return presentFeedbackForm(link, client, choice, query.lang ?? link.language);
  },
});

const submit = defineRoute({
  method: 'POST',
  url: '/api/work-trial-feedback/:token',
  summary: 'Submit the feedback; the link is dead afterwards',
  tags,
  action: 'workTrialFeedback.submit',
  audit: 'WorkTrialFeedbackSubmit',
  purpose,
  rateLimit: LINK_RATE_LIMIT,
  params: LinkTokenParams,
  body: FeedbackAnswersBody,
  response: FeedbackSubmittedDto,
  async handler({ trx, params, body, now, audit }) {
    const link = await liveLink(trx, params.token, now, audit);
    await submitFeedback(trx, link, body, now);
    audit.metadata.answered = Object.values(body.items).filter((i) => i.score !== null).length;
    return { submitted: true as const };
  },
});

export const workTrialFeedbackRoutes = [open, submit];
