import { defineRoute } from '../../server/http/route.ts';
import { REFERRAL_STATUSES } from '../referrals/referral.table.ts';
import { SCREENING_OUTCOMES } from '../screenings/screening.table.ts';
import { VISIT_MODES } from '../visits/visit.table.ts';
import { listCodeEntries, saveCodeEntry } from './client-path-code-list.repository.ts';
import {
  ClientPathCodeListsDto,
  CodeEntryBody,
  CodeEntryDto,
  CodeParams,
} from './client-path-code-list.schema.ts';

const tags = ['code lists'];

const read = defineRoute({
  method: 'GET',
  url: '/api/code-lists/client-path',
  summary: 'Check-list situations, case outcomes and the fixed codes of the client path',
  tags,
  action: 'codeList.read',
  audit: 'ClientPathCodeListRead',
  response: ClientPathCodeListsDto,
  async handler({ trx }) {
    return {
      screeningSituations: await listCodeEntries(trx, 'screening_situation'),
      caseOutcomes: await listCodeEntries(trx, 'case_outcome'),
      screeningOutcomes: [...SCREENING_OUTCOMES],
      referralStatuses: [...REFERRAL_STATUSES],
      visitModes: [...VISIT_MODES],
    };
  },
});

const saveSituation = defineRoute({
  method: 'PUT',
  url: '/api/code-lists/screening-situations/:code',
  summary: 'Add or change a check-list situation; deactivate instead of deleting (admin)',
  tags,
  action: 'codeList.update',
  audit: 'ScreeningSituationSave',
  params: CodeParams,
  body: CodeEntryBody,
  response: CodeEntryDto,
  async handler({ trx, params, body, audit }) {
    audit.targetId = params.code;
    return saveCodeEntry(trx, 'screening_situation', params.code, body);
  },
});

const saveOutcome = defineRoute({
  method: 'PUT',
  url: '/api/code-lists/case-outcomes/:code',
  summary: 'Add or change a case outcome; deactivate instead of deleting (admin)',
  tags,
  action: 'codeList.update',
  audit: 'CaseOutcomeSave',
  params: CodeParams,
  body: CodeEntryBody,
  response: CodeEntryDto,
  async handler({ trx, params, body, audit }) {
    audit.targetId = params.code;
    return saveCodeEntry(trx, 'case_outcome', params.code, body);
  },
});

export const clientPathCodeListRoutes = [read, saveSituation, saveOutcome];
