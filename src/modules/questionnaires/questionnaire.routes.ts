import type { Trx } from '../../server/db/database.ts';
import { LINK_RATE_LIMIT } from '../../server/http/personal-link.ts';
import type { AuditNotes } from '../../server/http/route.ts';
import { defineRoute } from '../../server/http/route.ts';
import { findInstrument } from './instrument.repository.ts';
import { formLanguage } from './instrument.schema.ts';
import { clientOfToken, deadLink, findLiveLink } from './link.service.ts';
import { presentForm } from './questionnaire.presenter.ts';
import {
  AnswersBody,
  FormQuery,
  QuestionnaireFormDto,
  SavedDto,
  SubmittedDto,
  TokenParams,
} from './questionnaire.schema.ts';
import { saveDraft, submitAnswers } from './questionnaire.service.ts';

const tags = ['questionnaire (client link)'];
// The client's own use of the service: written to the access log under the client, with no professional.
const purpose = 'client_self_service';
// Per IP address and route: the same limit as every personal link (server/http/personal-link.ts).
const rateLimit = LINK_RATE_LIMIT;

/** The live link of a token, or the one neutral 404; the client behind a dead token is still logged. */
async function liveLink(trx: Trx, token: string, now: Date, audit: AuditNotes) {
  const link = await findLiveLink(trx, token, now);
  if (link) {
    audit.clientIds.push(link.client_id);
    audit.targetId = link.measurement_id;
    audit.metadata.instrument = link.instrument_code;
    return link;
  }
  const clientId = await clientOfToken(trx, token);
  if (clientId) audit.clientIds.push(clientId);
  throw deadLink();
}

const open = defineRoute({
  method: 'GET',
  url: '/api/q/:token',
  summary: 'The questionnaire a personal link opens, in the client’s language, with the answers saved so far',
  tags,
  action: 'questionnaire.open',
  audit: 'QuestionnaireOpen',
  purpose,
  rateLimit,
  params: TokenParams,
  querystring: FormQuery,
  response: QuestionnaireFormDto,
  async handler({ trx, params, query, now, audit }) {
    const link = await liveLink(trx, params.token, now, audit);
    const instrument = await findInstrument(trx, link.instrument_id);
    if (!instrument) throw deadLink();
    const lang = formLanguage(instrument.definition, query.lang ?? link.language);
    return presentForm(instrument.definition, lang, link);
  },
});

const save = defineRoute({
  method: 'PUT',
  url: '/api/q/:token',
  summary: 'Save the answers so far (a draft); the link stays open',
  tags,
  action: 'questionnaire.save',
  audit: 'QuestionnaireSave',
  purpose,
  rateLimit,
  params: TokenParams,
  body: AnswersBody,
  response: SavedDto,
  async handler({ trx, params, body, now, audit }) {
    const link = await liveLink(trx, params.token, now, audit);
    const savedAt = await saveDraft(trx, link, body.answers, now);
    audit.metadata.answered = Object.keys(body.answers).length;
    return { savedAt: savedAt.toISOString() };
  },
});

const submit = defineRoute({
  method: 'POST',
  url: '/api/q/:token/submit',
  summary: 'Submit the answers; the link is dead afterwards',
  tags,
  action: 'questionnaire.submit',
  audit: 'QuestionnaireSubmit',
  purpose,
  rateLimit,
  params: TokenParams,
  body: AnswersBody,
  response: SubmittedDto,
  async handler({ trx, params, body, now, audit }) {
    const link = await liveLink(trx, params.token, now, audit);
    await submitAnswers(trx, link, body.answers, now);
    return { submitted: true as const };
  },
});

export const questionnaireRoutes = [open, save, submit];
