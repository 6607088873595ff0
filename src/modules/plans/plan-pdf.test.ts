import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { fontRuns } from './pdf-layout.ts';
import { type PlanPdfData, renderPlanPdf, signed } from './plan-pdf.ts';

const orgId = '00000000-0000-4000-8000-000000000001';
const userId = '00000000-0000-4000-8000-000000000002';

function sample(language: PlanPdfData['language']): PlanPdfData {
  return {
    language,
    clientName: 'Šárka Mäkelä',
    teamName: 'Työkyvyn tuen tiimi',
    organisationName: 'Järvilaakson sote-keskus',
    caseManagerName: 'Kaisa Koordinaattori',
    version: 3,
    savedAt: new Date('2026-03-02T10:00:00Z'),
    content: {
      goals: [
        {
          id: '00000000-0000-4000-8000-000000000010',
          text: 'Haluan jaksaa käydä kolme päivää viikossa työkokeilussa',
          scale: {
            minus2: 'En käy työkokeilussa lainkaan',
            minus1: 'Käyn yhtenä päivänä viikossa',
            zero: 'Käyn kolmena päivänä viikossa',
            plus1: 'Käyn neljänä päivänä viikossa',
            plus2: 'Käyn viitenä päivänä viikossa',
          },
          weight: 2,
          targetDate: '2026-09-30',
          baseline: -1,
        },
      ],
      actions: [
        {
          id: '00000000-0000-4000-8000-000000000020',
          description: 'Työkokeilupaikan etsiminen',
          goalIds: ['00000000-0000-4000-8000-000000000010'],
          responsibleOrganisationId: orgId,
          responsibleUserId: userId,
          dueDate: '2026-04-15',
          status: 'in_progress',
        },
      ],
      assessment: {
        ownGoalsAndSkills: 'Haluaa töihin logistiikka-alalle.\n\nTrukkikortti voimassa.',
        workAbilityInUse: '',
        treatmentAndRehabilitationNeed: 'Fysioterapia selkävaivoihin.',
        specialSupportNeed: '',
      },
      reviewDates: ['2026-06-01', '2026-09-30'],
    },
    organisationNames: new Map([[orgId, 'Järvilaakson työllisyysalue']]),
    userNames: new Map([[userId, 'Timo Työllisyysasiantuntija']]),
    acknowledgedAt: new Date('2026-03-02T11:00:00Z'),
    baselineTScore: 40,
    reviews: [{ reviewDate: '2026-06-01', tScore: 50, change: 10 }],
    printedAt: new Date('2026-03-03T08:00:00Z'),
  };
}

async function textOf(pdf: Buffer): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

describe('the plan PDF', () => {
  it('is tagged, has the language and title, and its text can be extracted (Swedish)', async () => {
    const pdf = await renderPlanPdf(sample('sv'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toContain('/Lang (sv-FI)');
    expect(raw).toContain('/DisplayDocTitle true');
    expect(raw).toContain('/Marked true');
    for (const tag of ['/H1', '/H2', '/H3', '/P', '/Table', '/TH', '/TD', '/L', '/LI'])
      expect(raw).toContain(`/S ${tag}`);
    const text = await textOf(pdf);
    for (const expected of [
      'Gemensam klientplan',
      'Mål',
      'Åtgärder och ansvar',
      'Bedömning av situationen',
      'Haluan jaksaa käydä kolme päivää viikossa työkokeilussa',
      'Käyn viitenä päivänä viikossa',
      'Timo Työllisyysasiantuntija, Järvilaakson työllisyysalue',
      'Pågår',
      '30 september 2026',
      'Šárka Mäkelä',
      'Mycket bättre än förväntat',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('speaks Finnish and English too', async () => {
    const fi = await textOf(await renderPlanPdf(sample('fi')));
    expect(fi).toContain('Yhteinen asiakassuunnitelma');
    expect(fi).toContain('Tavoitteiden saavuttaminen');
    expect(fi).toContain('Käynnissä');
    const en = await textOf(await renderPlanPdf(sample('en')));
    expect(en).toContain('Joint client plan');
    expect(en).toContain('Need for treatment and rehabilitation');
    expect(en).toContain('Change from baseline');
  });

  it('prints GAS levels with a real minus sign and an explicit plus', () => {
    expect([-2, -1, 0, 1, 2].map((n) => signed(n))).toEqual(['−2', '−1', '0', '+1', '+2']);
  });

  it('sets each character with a font subset that has it', () => {
    expect(fontRuns('Šakki ja Åsa')).toEqual([
      { subset: 'latin-ext', text: 'Š' },
      { subset: 'latin', text: 'akki ja Åsa' },
    ]);
  });
});
