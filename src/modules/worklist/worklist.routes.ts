import { defineRoute } from '../../server/http/route.ts';
import { recordAccess } from '../../server/policy/client-access.ts';
import { presentCaseSummary } from '../cases/case.presenter.ts';
import { presentConsultation } from '../consultations/consultation.presenter.ts';
import { presentMeeting } from '../meetings/meeting.presenter.ts';
import { participantsOf } from '../meetings/meeting.repository.ts';
import { presentReferralSummary } from '../referrals/referral.presenter.ts';
import { REFERRAL_CATEGORY } from '../referrals/referral-consent.ts';
import {
  clientNames,
  myCaseCandidates,
  newReferralCandidates,
  openConsultationCandidates,
  staleCaseCandidates,
  upcomingMeetingCandidates,
} from './worklist.repository.ts';
import { WorklistDto } from './worklist.schema.ts';

const worklist = defineRoute({
  method: 'GET',
  url: '/api/worklist',
  summary:
    'Your front page: new referrals to your teams, your cases, stale cases, open consultations, coming meetings',
  tags: ['worklist'],
  action: 'worklist.read',
  audit: 'WorklistRead',
  response: WorklistDto,
  async handler({ trx, actor, now, audit }) {
    const access = recordAccess(trx, actor, now);
    const caseRecord = (k: { client_id: string; organisation_id: string }) => ({
      clientId: k.client_id,
      controllerOrganisationId: k.organisation_id,
      category: 'plan',
    });
    const referrals = await access.filter('referral.read', await newReferralCandidates(trx, actor), (r) => ({
      clientId: r.client_id,
      controllerOrganisationId: r.referring_organisation_id,
      category: REFERRAL_CATEGORY,
    }));
    const myCases = await access.filter('case.read', await myCaseCandidates(trx, actor), caseRecord);
    const staleCases = await access.filter(
      'case.read',
      await staleCaseCandidates(trx, actor, now),
      caseRecord,
    );
    const consultations = await access.filter(
      'consultation.read',
      await openConsultationCandidates(trx, actor),
      (q) => ({
        clientId: q.client_id,
        controllerOrganisationId: q.organisation_id,
        category: 'assessment',
      }),
    );
    const meetings = await access.filter(
      'meeting.read',
      await upcomingMeetingCandidates(trx, actor, now),
      (m) => ({
        clientId: m.client_id,
        controllerOrganisationId: m.organisation_id,
        category: 'plan',
      }),
    );

    const shownClients = [...referrals, ...myCases, ...staleCases, ...consultations, ...meetings].map(
      (r) => r.client_id,
    );
    const names = await clientNames(
      trx,
      [...consultations, ...meetings].map((r) => r.client_id),
    );
    const participants = await participantsOf(
      trx,
      meetings.map((m) => m.id),
    );
    audit.clientIds.push(...shownClients);
    audit.disclosures.push(...access.disclosures());
    audit.metadata.newReferrals = referrals.length;
    audit.metadata.myCases = myCases.length;
    audit.metadata.staleCases = staleCases.length;
    audit.metadata.openConsultations = consultations.length;
    audit.metadata.upcomingMeetings = meetings.length;
    return {
      newReferrals: referrals.map(presentReferralSummary),
      myCases: myCases.map((k) => presentCaseSummary(k, now)),
      staleCases: staleCases.map((k) => presentCaseSummary(k, now)),
      openConsultations: consultations.map((q) => ({
        ...presentConsultation(q, actor, now),
        clientName: names.get(q.client_id) ?? '',
      })),
      upcomingMeetings: meetings.map((m) => ({
        ...presentMeeting(m, participants, actor, now),
        clientName: names.get(m.client_id) ?? '',
      })),
    };
  },
});

export const worklistRoutes = [worklist];
