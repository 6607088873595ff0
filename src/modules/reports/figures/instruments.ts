import { sql } from 'kysely';
import { InstrumentDefinition } from '../../questionnaires/instrument.schema.ts';
import type { ReportContext } from './figure-group.ts';

export interface ReportInstrument {
  code: string;
  respondent: 'client' | 'stakeholder';
  definition: InstrumentDefinition;
}

/** The latest active version of each instrument: its names, items, options and score rules label the figures. */
export function latestDefinitions(ctx: ReportContext): Promise<Map<string, ReportInstrument>> {
  return ctx.once('instruments', async () => {
    const rows = await ctx.run<{
      code: string;
      respondent: 'client' | 'stakeholder';
      definition: unknown;
    }>(sql`
      select distinct on (code) code, respondent, definition
      from instrument
      where active
      order by code, version desc
    `);
    return new Map(
      rows.map((r) => [
        r.code,
        {
          code: r.code,
          respondent: r.respondent,
          definition: InstrumentDefinition.parse(
            typeof r.definition === 'string' ? JSON.parse(r.definition) : r.definition,
          ),
        },
      ]),
    );
  });
}
