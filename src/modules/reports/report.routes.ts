import { z } from 'zod';
import type { AuditNotes } from '../../server/http/route.ts';
import { defineRoute } from '../../server/http/route.ts';
import { finnishDate } from '../../server/policy/client-access.ts';
import { reportCsv, reportXlsx } from './report.export.ts';
import { presentReport } from './report.presenter.ts';
import { ExportQuery, ReportDto, ReportQuery } from './report.schema.ts';
import { computeReport, type ResolvedReport, resolveReport } from './report.service.ts';

const tags = ['reports'];

/** The audit row names the filters (ids, dates, a municipality) and how many figures went out; never a value. */
function noteReport(audit: AuditNotes, resolved: ResolvedReport, figures: number, format: string) {
  const s = resolved.scope;
  audit.metadata = {
    from: s.from,
    to: s.to,
    organisationId: s.organisationId,
    teamId: s.teamId,
    municipality: s.municipality,
    pathwayId: s.pathwayId,
    audience: resolved.external ? 'external' : 'internal',
    format,
    figures,
  };
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const read = defineRoute({
  method: 'GET',
  url: '/api/reports/team',
  summary: 'The team report: every figure of docs/metrics.md for a period and filters, with its definition',
  tags,
  action: 'report.read',
  audit: 'ReportRead',
  querystring: ReportQuery,
  response: ReportDto,
  async handler({ trx, actor, query, now, audit }) {
    const resolved = await resolveReport(trx, actor, query, now);
    const figures = await computeReport(trx, resolved.scope);
    noteReport(audit, resolved, figures.length, 'json');
    return presentReport(figures, resolved.scope, resolved.external, now);
  },
});

function fileName(resolved: ResolvedReport, now: Date, extension: string) {
  const audience = resolved.external ? 'ulkoinen' : 'sisainen';
  return `tiimiraportti-${resolved.scope.from}-${resolved.scope.to}-${audience}-${finnishDate(now)}.${extension}`;
}

const csv = defineRoute({
  method: 'GET',
  url: '/api/reports/team.csv',
  summary: 'The team report as CSV (long form: one line per value), with the same filters and audience',
  tags,
  action: 'report.export',
  audit: 'ReportExport',
  querystring: ExportQuery,
  response: z.string(),
  contentType: 'text/csv; charset=utf-8',
  async handler({ trx, actor, query, now, audit, reply }) {
    const resolved = await resolveReport(trx, actor, query, now);
    const figures = await computeReport(trx, resolved.scope);
    noteReport(audit, resolved, figures.length, 'csv');
    reply.header('content-disposition', `attachment; filename="${fileName(resolved, now, 'csv')}"`);
    return reportCsv(presentReport(figures, resolved.scope, resolved.external, now), query.lang);
  },
});

const xlsx = defineRoute({
  method: 'GET',
  url: '/api/reports/team.xlsx',
  summary: 'The team report as an XLSX workbook (a sheet per figure), with the same filters and audience',
  tags,
  action: 'report.export',
  audit: 'ReportExport',
  querystring: ExportQuery,
  response: z.instanceof(Buffer),
  contentType: XLSX_TYPE,
  async handler({ trx, actor, query, now, audit, reply }) {
    const resolved = await resolveReport(trx, actor, query, now);
    const figures = await computeReport(trx, resolved.scope);
    noteReport(audit, resolved, figures.length, 'xlsx');
    reply.header('content-disposition', `attachment; filename="${fileName(resolved, now, 'xlsx')}"`);
    return reportXlsx(presentReport(figures, resolved.scope, resolved.external, now), query.lang);
  },
});

export const reportRoutes = [read, csv, xlsx];
