import { z } from 'zod';
import { defineRoute } from '../../server/http/route.ts';
import { ROLES } from '../../server/policy/roles.ts';

const Named = z.object({ code: z.string(), nameFi: z.string(), nameSv: z.string(), nameEn: z.string() });

const read = defineRoute({
  method: 'GET',
  url: '/api/code-lists',
  summary: 'Organisation types, data categories and roles (editable data, in three languages)',
  tags: ['code lists'],
  action: 'codeList.read',
  audit: 'CodeListRead',
  response: z.object({
    organisationTypes: z.array(Named),
    dataCategories: z.array(Named),
    roles: z.array(z.enum(ROLES)),
  }),
  async handler({ trx }) {
    const named = (r: { code: string; name_fi: string; name_sv: string; name_en: string }) => ({
      code: r.code,
      nameFi: r.name_fi,
      nameSv: r.name_sv,
      nameEn: r.name_en,
    });
    const [types, categories] = await Promise.all([
      trx.selectFrom('organisation_type').selectAll().orderBy('sort_order').execute(),
      trx.selectFrom('data_category').selectAll().orderBy('sort_order').execute(),
    ]);
    return { organisationTypes: types.map(named), dataCategories: categories.map(named), roles: [...ROLES] };
  },
});

export const codeListRoutes = [read];
