import { useState } from 'react';
import { Link as RouterDomLink } from 'react-router';
import {
  Button,
  InlineAlert,
  Link,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
  RouterLink,
} from 'suomifi-ui-components';
import { useI18n } from '../i18n/language.tsx';
import { Section } from '../shared/page.tsx';
import { type Audience, type ReportFilters, searchOf } from './filters.ts';
import { reportFileUrl } from './queries.ts';

/**
 * CSV and XLSX of the shown report (same filters) and its print view, for the audience chosen here: for
 * outside the organisation, counts under five are hidden. Choosing the audience moves nothing on the page;
 * the links follow it.
 */
export function ReportExport({
  filters,
  shownAudience,
  forcedExternal,
}: {
  filters: ReportFilters;
  shownAudience: Audience;
  /** The report covers another organisation's cases: the server hides small counts whatever is chosen. */
  forcedExternal: boolean;
}) {
  const { t, lang } = useI18n();
  const r = t.reports;
  const [audience, setAudience] = useState<Audience>(shownAudience);
  const printSearch = searchOf(filters, { audience, print: true }).toString();
  return (
    <Section title={r.exportTitle} data-qa="report-export" id="report-export">
      <div className="no-print">
        <Paragraph mb="m">{r.exportIntro}</Paragraph>
        <RadioButtonGroup
          id="report-audience"
          name="report-audience"
          labelText={r.exportAudience}
          groupHintText={r.exportAudienceHint}
          value={audience}
          onChange={(v) => setAudience(v === 'external' ? 'external' : 'internal')}
          data-qa="report-audience"
        >
          <RadioButton value="internal" data-qa="report-audience-internal">
            {r.audiences.internal}
          </RadioButton>
          <RadioButton value="external" data-qa="report-audience-external">
            {r.audiences.external}
          </RadioButton>
        </RadioButtonGroup>
        {forcedExternal && (
          <InlineAlert status="neutral" mt="m" data-qa="report-export-forced">
            {r.forcedExternal}
          </InlineAlert>
        )}
        <ul className="report-export__links">
          <li>
            <Link href={reportFileUrl('csv', filters, audience, lang)} download data-qa="report-csv">
              {r.csv}
            </Link>
          </li>
          <li>
            <Link href={reportFileUrl('xlsx', filters, audience, lang)} download data-qa="report-xlsx">
              {r.xlsx}
            </Link>
          </li>
          <li>
            <RouterLink
              asComponent={RouterDomLink}
              to={`/reports?${printSearch}`}
              data-qa="report-print-view"
            >
              {r.printView}
            </RouterLink>
          </li>
          <li>
            <Button variant="secondary" onClick={() => window.print()} data-qa="report-print">
              {t.common.print}
            </Button>
          </li>
        </ul>
      </div>
    </Section>
  );
}
