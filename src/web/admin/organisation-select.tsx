import { Dropdown, DropdownItem } from 'suomifi-ui-components';
import { useT } from '../i18n/language.tsx';
import type { Organisation } from './queries.ts';

export const ALL = 'all';

/** A filter by organisation; "all" is its own choice so that clearing a filter is one keyboard step. */
export function OrganisationFilter({
  id,
  label,
  organisations,
  value,
  onChange,
}: {
  id: string;
  label: string;
  organisations: readonly Organisation[];
  value: string | undefined;
  onChange: (organisationId: string | undefined) => void;
}) {
  const t = useT();
  return (
    <Dropdown
      id={id}
      labelText={label}
      value={value ?? ALL}
      onChange={(v) => onChange(v === ALL ? undefined : v)}
      data-qa={id}
    >
      {[
        <DropdownItem key={ALL} value={ALL}>
          {t.common.all}
        </DropdownItem>,
        ...organisations.map((o) => (
          <DropdownItem key={o.id} value={o.id}>
            {o.name}
          </DropdownItem>
        )),
      ]}
    </Dropdown>
  );
}
