/**
 * The report page's own words (issue 5). The figures' titles and definitions are not here: they come with
 * the report from the API (src/modules/reports/metrics.ts), so that the page, the exports and
 * docs/metrics.md say the same.
 */
export const reports = {
  nav: 'Raportit',
  task: 'Tiimin raportti: asiakastyö, tulokset ja asiakaskokemus',
  frontLink: 'Avaa tiimin raportti',
  title: 'Tiimin raportti',
  intro:
    'Koottuja lukuja valitulta jaksolta: asiakkaat, käynnit, asiakasohjaukset, monialainen verkosto, mittaukset, asiakaskokemus ja tulokset. Raportissa ei ole asiakastason tietoja. Kunkin luvun alla on sen määritelmä: mitä lasketaan, mistä tiedoista ja minkä päivämäärän mukaan.',
  filtersTitle: 'Rajaukset',
  filtersHint:
    'Valitse jakso ja mikä tahansa yhdistelmä rajauksia. Rajaukset tallentuvat sivun osoitteeseen, joten näkymän voi jakaa linkkinä.',
  fields: {
    from: 'Jakson alku',
    to: 'Jakson loppu',
    organisationId: 'Organisaatio',
    teamId: 'Tiimi',
    municipality: 'Asiakkaan kotikunta',
    pathwayId: 'Palvelupolku',
  },
  periodHint: 'Ilman päivämääriä raportti kattaa viimeiset 12 kuukautta.',
  allOrganisations: 'Kaikki organisaatiot (koko alue)',
  allTeams: 'Kaikki tiimit',
  allMunicipalities: 'Kaikki kunnat',
  allPathways: 'Kaikki palvelupolut',
  municipalityHint: 'Kirjoita kunnan nimi; alueen kunnat tulevat ehdotuksina. Tyhjä kattaa kaikki kunnat.',
  apply: 'Näytä raportti',
  reset: 'Palauta oletusrajaukset',
  summaryTitle: 'Raportin rajaus',
  period: 'Jakso',
  audience: 'Luvut',
  generatedAt: 'Muodostettu',
  ownOrganisation: (name: string) => `${name} (oma organisaatio)`,
  loading: 'Raporttia lasketaan…',
  loadingHint: 'Suuren alueen raportin laskeminen voi kestää hetken.',
  updating: 'Raporttia päivitetään uusilla rajauksilla…',
  retry: 'Yritä uudelleen',
  issues: {
    unknown_team: 'Valittua tiimiä ei löytynyt. Valitse tiimi uudelleen.',
  },
  emptyTitle: 'Ei tietoja valitulla rajauksella',
  empty:
    'Valitulla jaksolla ja rajauksella ei ole asiakkuuksia eikä tapahtumia, joten luvut ovat nollia. Kokeile pidempää jaksoa tai väljempää rajausta.',
  noRows: 'Ei lukuja tällä jaksolla ja rajauksella.',
  noFigures: 'Raportissa ei ole lukuja.',
  externalShown:
    'Näytetään organisaation ulkopuolelle tarkoitettu versio: alle viiden henkilön luvut on piilotettu.',
  forcedExternal:
    'Raportti koskee toisen organisaation tai kaikkien organisaatioiden asiakkuuksia, joten alle viiden henkilön luvut on piilotettu sekä näytöllä että tiedostoissa.',
  legendTitle: 'Merkinnät',
  legendSmall: 'alle viisi henkilöä (tai yhteydenottoa)',
  legendHidden: 'piilotettu, jottei pientä lukua voi päätellä summasta',
  legendNone: 'ei laskettavaa (esimerkiksi keskiarvo, kun henkilöitä ei ole)',
  hiddenValue: 'piilotettu',
  noValue: 'ei laskettavaa',
  definition: 'Määritelmä',
  figureId: 'Tunnus',
  rowHeader: 'Erittely',
  chartNote: 'Kaavio. Samat luvut ovat taulukossa kaavion alla.',
  contents: 'Raportin osat',
  sections: {
    clients: 'Asiakkaat',
    visits: 'Käynnit ja konsultaatiot',
    referrals: 'Asiakasohjaukset',
    network: 'Monialainen verkosto',
    questionnaires: 'Mittaukset ja muutos',
    experience: 'Asiakaskokemus ja sidosryhmät',
    outcomes: 'Tulokset ja ajat',
    employment: 'Tuettu työllistyminen',
    other: 'Muut luvut',
  },
  audiences: {
    internal: 'Oman organisaation sisäiseen käyttöön (tarkat luvut)',
    external: 'Organisaation ulkopuolelle (alle viiden henkilön luvut piilotettu)',
  },
  exportTitle: 'Lataa ja tulosta',
  exportIntro:
    'Tiedostoissa ja tulosteessa ovat näytetyn raportin rajaukset ja jakso sekä kunkin luvun määritelmä.',
  exportAudience: 'Kenelle raportti on tarkoitettu?',
  exportAudienceHint:
    'Organisaation ulkopuolelle tarkoitetussa versiossa alle viiden henkilön luvut näkyvät muodossa "<5", ja luvut, joista pienen luvun voisi laskea summasta, muodossa "..". Valitse se aina, kun raportti lähtee oman organisaation ulkopuolelle.',
  csv: 'Lataa CSV',
  xlsx: 'Lataa Excel (XLSX)',
  fileHint: 'Tiedosto ladataan valitulle käyttötarkoitukselle.',
  printView: 'Avaa tulostusnäkymä',
  printTitle: 'Tiimin raportti – tulostusnäkymä',
  printIntro:
    'Tulostusnäkymässä ovat kaikki luvut, taulukot ja määritelmät. Tulosta selaimen tulostustoiminnolla.',
  backToReport: 'Takaisin raporttiin',
  units: {
    percent: (value: string) => `${value} %`,
    days: (value: string) => `${value} vrk`,
    years: (value: string) => `${value} v`,
  },
};
