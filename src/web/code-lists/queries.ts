import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n/language.tsx';

/** A code of an editable code list, named in the three languages (GET /api/code-lists). */
export interface Named {
  code: string;
  nameFi: string;
  nameSv: string;
  nameEn: string;
}

export interface CodeLists {
  organisationTypes: Named[];
  dataCategories: Named[];
  roles: string[];
}

export function useCodeLists() {
  return useQuery({
    queryKey: ['codeLists'],
    queryFn: () => api.get<CodeLists>('/api/code-lists'),
    staleTime: 10 * 60_000,
  });
}

/** The name of a code in the current language; the code itself when the list does not know it. */
export function useCodeName(): (list: readonly Named[] | undefined, code: string) => string {
  const { lang } = useI18n();
  return useCallback(
    (list, code) => {
      const item = list?.find((n) => n.code === code);
      if (!item) return code;
      return lang === 'sv' ? item.nameSv : lang === 'en' ? item.nameEn : item.nameFi;
    },
    [lang],
  );
}
