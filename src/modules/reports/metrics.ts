import type { Localised } from './report-table.ts';

/**
 * Every figure of the management report, defined once: what counts, from which records, by which dates.
 * The API sends these words with each figure (the page shows them as help text), and docs/metrics.md is
 * generated from this file (`npm run docs:metrics`; a test fails when the document is out of date).
 * A figure group added later (employment, issue 6) appends its metrics here and its file to figures/index.ts.
 */
export interface MetricDefinition {
  id: string;
  /** The figure group (a file in figures/) that computes it. */
  group: string;
  title: Localised;
  definition: Localised;
}

/** Rules that hold for every figure; shown at the top of docs/metrics.md and of the exports. */
export const REPORT_PRINCIPLES: { heading: Localised; text: Localised }[] = [
  {
    heading: { fi: 'Rajaus', sv: 'Avgränsning', en: 'Scope' },
    text: {
      fi: 'Raportti kattaa asiakkuudet (client_case: asiakkaan palvelu yhden tiimin yhdellä palvelupolulla), joita valittu organisaatio ylläpitää, valitussa tiimissä ja palvelupolulla, niiltä asiakkailta, joiden kotikunta perustiedoissa on valittu kunta. Valitsematon rajaus kattaa kaikki. Tapahtumat (käynnit, konsultaatiot, mittaukset, verkosto) lasketaan rajaukseen kuuluvilta asiakkuuksilta.',
      sv: 'Rapporten omfattar klientskap (client_case: klientens tjänst på en stig i ett team) som den valda organisationen driver, i det valda teamet och på den valda servicestigen, för klienter vars hemkommun i grunduppgifterna är den valda kommunen. En avgränsning som inte valts omfattar alla. Händelser (besök, konsultationer, mätningar, nätverk) räknas på klientskap som hör till avgränsningen.',
      en: 'The report covers the cases (client_case: a client’s service on one pathway of one team) run by the chosen organisation, in the chosen team and pathway, of clients whose home municipality in the basic data is the chosen one. A filter not chosen covers all. Events (visits, consultations, measurements, network) are counted on cases within the scope.',
    },
  },
  {
    heading: { fi: 'Jakso ja päivämäärät', sv: 'Period och datum', en: 'Period and dates' },
    text: {
      fi: 'Jakso sisältää alku- ja loppupäivän. Päivämäärät ovat Suomen aikaa: kellonajallinen tapahtuma kuuluu sille päivälle, jona se Suomessa tapahtui. Kunkin luvun määritelmä kertoo, minkä päivämäärän mukaan se lasketaan.',
      sv: 'Perioden omfattar första och sista dagen. Datum är enligt finsk tid: en händelse med klockslag hör till den dag då den inträffade i Finland. Definitionen av varje tal anger enligt vilket datum det räknas.',
      en: 'The period includes its first and last day. Dates are Finnish time: an event with a time of day belongs to the day it happened in Finland. Each figure’s definition says by which date it is counted.',
    },
  },
  {
    heading: { fi: 'Tietosuoja', sv: 'Dataskydd', en: 'Privacy' },
    text: {
      fi: 'Raportissa on vain koottuja lukuja, ei asiakastason tietoja. Organisaation ulkopuolelle tarkoitetussa versiossa (external) alle viiden henkilön luvut näytetään muodossa "<5". Jos summa näytetään, piilotetaan myös seuraavaksi pienin luku, jottei pientä lukua voi laskea summasta ("..") — piilotettuja on silloin vähintään kaksi ja niiden summa on vähintään viisi. Piilotetusta luvusta lasketut osuudet ja alle viiden henkilön keskiarvot ja mediaanit näytetään muodossa "..". Nolla näytetään. Toisen organisaation asiakkuuksia koskeva raportti on aina tällainen versio.',
      sv: 'Rapporten innehåller endast sammanställda tal, inga uppgifter på klientnivå. I versionen avsedd för mottagare utanför organisationen (external) visas tal som gäller färre än fem personer som "<5". Om summan visas döljs också det näst minsta talet så att det lilla talet inte kan räknas ut ur summan ("..") — då är minst två tal dolda och deras summa minst fem. Andelar som räknats ur ett dolt tal samt medelvärden och medianer för färre än fem personer visas som "..". Noll visas. En rapport om en annan organisations klientskap är alltid en sådan version.',
      en: 'The report holds aggregates only, no client-level data. In the version meant for outside the organisation (external), a figure counting fewer than five people shows "<5". Where a total is shown, the next smallest figure is hidden too, so that the small one cannot be recovered from the total ("..") — then at least two are hidden and together they count at least five. Shares computed from a hidden count, and means and medians over fewer than five people, show "..". Zero is shown. A report on another organisation’s cases is always such a version.',
    },
  },
];

export const METRICS = [
  {
    id: 'clients.period',
    group: 'population',
    title: {
      fi: 'Asiakkaat ja asiakkuudet jaksolla',
      sv: 'Klienter och klientskap under perioden',
      en: 'Clients and cases in the period',
    },
    definition: {
      fi: 'Asiakkaat: eri henkilöt, joilla on rajaukseen kuuluva asiakkuus, joka oli auki vähintään yhtenä jakson päivänä (avattu viimeistään jakson viimeisenä päivänä eikä päätetty ennen jakson ensimmäistä päivää). Avoinna olleet asiakkuudet: tällaiset asiakkuudet. Uudet asiakkuudet: jaksolla avatut (client_case.opened_on). Päättyneet asiakkuudet: jaksolla päätetyt (client_case.closed_on). Asiakkuus avataan, kun tiimi hyväksyy asiakasohjauksen. Näiden asiakkaiden määrä on ikä-, sukupuoli-, työttömyys- ja verkosto-osuuksien nimittäjä.',
      sv: 'Klienter: olika personer med ett klientskap inom avgränsningen som var öppet minst en dag under perioden (öppnat senast periodens sista dag och inte avslutat före periodens första dag). Öppna klientskap: sådana klientskap. Nya klientskap: öppnade under perioden (client_case.opened_on). Avslutade klientskap: avslutade under perioden (client_case.closed_on). Ett klientskap öppnas när teamet godkänner en hänvisning. Antalet sådana klienter är nämnaren för andelarna enligt ålder, kön, arbetslöshet och nätverk.',
      en: 'Clients: different people with a case within the scope that was open on at least one day of the period (opened on or before the last day and not closed before the first day). Cases open: such cases. New cases: opened in the period (client_case.opened_on). Closed cases: closed in the period (client_case.closed_on). A case opens when the team accepts a referral. The number of these clients is the denominator of the shares by age, sex, unemployment and network.',
    },
  },
  {
    id: 'clients.age',
    group: 'population',
    title: { fi: 'Asiakkaiden keski-ikä', sv: 'Klienternas medelålder', en: 'Mean age of clients' },
    definition: {
      fi: 'Jakson asiakkaiden (clients.period) ikien keskiarvo täysinä vuosina sinä päivänä, jona asiakkuus avattiin (usean asiakkuuden asiakkaalla aikaisin avattu), perustietojen syntymäajasta. Lisäksi asiakkaat ikäryhmittäin samalla iällä.',
      sv: 'Medelvärdet av åldern i hela år för periodens klienter (clients.period) den dag klientskapet öppnades (för en klient med flera klientskap det tidigast öppnade), enligt födelsedatum i grunduppgifterna. Dessutom klienterna per åldersgrupp enligt samma ålder.',
      en: 'The mean of the ages in whole years of the clients of the period (clients.period) on the day their case opened (the earliest opened, for a client with several), from the date of birth in the basic data. Also the clients by age group at that age.',
    },
  },
  {
    id: 'clients.sex',
    group: 'population',
    title: { fi: 'Miesten ja naisten osuudet', sv: 'Andelen män och kvinnor', en: 'Shares of men and women' },
    definition: {
      fi: 'Jakson asiakkaat (clients.period) perustietojen sukupuolen mukaan (johdettu henkilötunnuksesta asiakasta rekisteröitäessä) lukumäärinä ja osuuksina kaikista jakson asiakkaista.',
      sv: 'Periodens klienter (clients.period) enligt kön i grunduppgifterna (härlett ur personbeteckningen när klienten registrerades), som antal och som andel av alla periodens klienter.',
      en: 'The clients of the period (clients.period) by sex in the basic data (derived from the identity code when the client was registered), as counts and as shares of all clients of the period.',
    },
  },
  {
    id: 'clients.unemployment',
    group: 'population',
    title: {
      fi: 'Pitkäaikaistyöttömät ja yli 3 vuotta työttömänä olleet',
      sv: 'Långtidsarbetslösa och de som varit arbetslösa i över tre år',
      en: 'Long-term unemployed and unemployed for over 3 years',
    },
    definition: {
      fi: 'Asiakasohjaukseen kirjatusta päivästä, josta asti asiakas on ollut yhtäjaksoisesti työttömänä (referral.unemployed_since), ohjauksen lähetyspäivään. Pitkäaikaistyötön: 12 kuukautta tai enemmän. Yli 3 vuotta: enemmän kuin kolme vuotta. Lasketaan jakson asiakkaista (clients.period); usean asiakkuuden asiakkaalla pisin ohjauksiin kirjattu kesto. Asiakkaat, joiden ohjaukseen päivää ei ole kirjattu (ei työtön, ei tiedossa tai asiakkuus ilman ohjausta), näytetään rivillä "ei kirjattu". Osuudet ovat kaikista jakson asiakkaista.',
      sv: 'Från den dag sedan vilken klienten har varit arbetslös utan avbrott, antecknad på hänvisningen (referral.unemployed_since), till den dag hänvisningen skickades. Långtidsarbetslös: 12 månader eller mer. Över 3 år: mer än tre år. Räknas bland periodens klienter (clients.period); för en klient med flera klientskap räknas den längsta tid som antecknats på hänvisningarna. Klienter vars hänvisning saknar datum (inte arbetslös, inte känt eller klientskap utan hänvisning) visas på raden "inte antecknat". Andelarna är av alla periodens klienter.',
      en: 'From the date since which the client has been unemployed without a break, recorded on the referral (referral.unemployed_since), to the day the referral was sent. Long-term unemployed: 12 months or more. Over 3 years: more than three years. Counted over the clients of the period (clients.period); for a client with several cases, the longest duration recorded on their referrals. Clients whose referral has no date (not unemployed, not known, or a case without a referral) show as "not recorded". Shares are of all clients of the period.',
    },
  },
  {
    id: 'visits.coordinator',
    group: 'visits',
    title: {
      fi: 'Työkykykoordinaattorin vastaanotolla käyneet asiakkaat ja käynnit',
      sv: 'Klienter som besökt arbetsförmågekoordinatorn och besöken',
      en: 'Clients seen by the work ability coordinator, and visits',
    },
    definition: {
      fi: 'Jaksolle päivätyt käynnit (visit.visit_on; vastaanotolla, puhelimessa tai videolla) rajaukseen kuuluvilla asiakkuuksilla, kun käynnin ammattilaisella on koordinaattorin rooli käynnin kirjanneessa organisaatiossa. Asiakkaat: eri henkilöt, joilla on tällainen käynti. Korjattu käynti lasketaan kerran, viimeisimmän korjauksen mukaisena. Ammattilainen, jolla on organisaatiossa useampi rooli, lasketaan kunkin roolin luvuissa.',
      sv: 'Besök daterade under perioden (visit.visit_on; på mottagningen, per telefon eller video) på klientskap inom avgränsningen, när besökets yrkesperson har rollen koordinator i den organisation som antecknade besöket. Klienter: olika personer med ett sådant besök. Ett korrigerat besök räknas en gång, enligt den senaste korrigeringen. En yrkesperson med flera roller i organisationen räknas under varje roll.',
      en: 'Visits dated in the period (visit.visit_on; in person, by phone or video) on cases within the scope, where the visit’s professional has the coordinator role in the organisation that recorded the visit. Clients: different people with such a visit. A corrected visit counts once, as its latest correction says. A professional with several roles in the organisation counts under each.',
    },
  },
  {
    id: 'visits.physician',
    group: 'visits',
    title: {
      fi: 'Lääkärin vastaanotolla käyneet asiakkaat ja käynnit',
      sv: 'Klienter som besökt läkaren och besöken',
      en: 'Clients seen by the physician, and visits',
    },
    definition: {
      fi: 'Kuten visits.coordinator, kun käynnin ammattilaisella on lääkärin rooli käynnin kirjanneessa organisaatiossa.',
      sv: 'Som visits.coordinator, när besökets yrkesperson har rollen läkare i den organisation som antecknade besöket.',
      en: 'As visits.coordinator, where the visit’s professional has the physician role in the organisation that recorded the visit.',
    },
  },
  {
    id: 'consultations.asking_organisation',
    group: 'consultations',
    title: {
      fi: 'Konsultaatioyhteydenotot yhteensä ja kysyvän organisaation mukaan',
      sv: 'Konsultationskontakter totalt och enligt frågande organisation',
      en: 'Consultation contacts in total and by asking organisation',
    },
    definition: {
      fi: 'Rajaukseen kuuluvilla asiakkuuksilla jaksolla kirjatut konsultaatiot (päivä, jona konsultaatio ensin kirjattiin, Suomen aikaa) kysyvän organisaation mukaan (consultation.organisation_id) ja yhteensä, ja kunkin organisaation osuus kaikista yhteydenotoista; lisäksi organisaatiotyypeittäin. Konsultaation korjaus ei ole uusi yhteydenotto. Yhteydenottojen määrä ei ole henkilömäärä: ulkoisessa versiossa alle viiden yhteydenoton luvut piilotetaan samoin kuin pienet henkilömäärät.',
      sv: 'Konsultationer antecknade under perioden (den dag konsultationen först antecknades, finsk tid) på klientskap inom avgränsningen, enligt frågande organisation (consultation.organisation_id) och totalt, samt varje organisations andel av alla kontakter; dessutom per organisationstyp. En korrigering av en konsultation är inte en ny kontakt. Antalet kontakter är inte ett antal personer: i den externa versionen döljs färre än fem kontakter på samma sätt som små personantal.',
      en: 'Consultations recorded in the period (the day the consultation was first recorded, Finnish time) on cases within the scope, by the asking organisation (consultation.organisation_id) and in total, with each organisation’s share of all contacts; also by organisation type. A correction of a consultation is not a new contact. Contacts are not people: in the external version, fewer than five contacts are hidden as small counts of people are.',
    },
  },
  {
    id: 'referrals.source',
    group: 'referrals',
    title: {
      fi: 'Asiakasohjaukset lähettävän organisaation mukaan',
      sv: 'Hänvisningar enligt remitterande organisation',
      en: 'Referrals by referring organisation',
    },
    definition: {
      fi: 'Jaksolla lähetetyt asiakasohjaukset (referral.sent_at, Suomen aikaa) rajaukseen kuuluviin tiimeihin lähettävän organisaation mukaan ja kunkin osuus kaikista ohjauksista; lisäksi organisaatiotyypeittäin. Toiseen tiimiin siirretty ohjaus lasketaan kerran, uuden tiimin ohjauksena. Kun palvelupolku on valittu, lasketaan vain ohjaukset, joista avattiin asiakkuus sillä polulla. Kunta on asiakkaan kotikunta.',
      sv: 'Hänvisningar skickade under perioden (referral.sent_at, finsk tid) till team inom avgränsningen, enligt remitterande organisation och var och ens andel av alla hänvisningar; dessutom per organisationstyp. En hänvisning som flyttats till ett annat team räknas en gång, som hänvisningen till det nya teamet. När en servicestig har valts räknas endast hänvisningar som ledde till ett klientskap på den stigen. Kommunen är klientens hemkommun.',
      en: 'Referrals sent in the period (referral.sent_at, Finnish time) to teams within the scope, by the referring organisation, with each one’s share of all referrals; also by organisation type. A referral redirected to another team counts once, as the referral to the new team. With a pathway chosen, only referrals that opened a case on that pathway count. The municipality is the client’s home municipality.',
    },
  },
  {
    id: 'network.clients',
    group: 'network',
    title: {
      fi: 'Asiakkaat, joiden palveluprosessiin koottiin monialainen verkosto',
      sv: 'Klienter för vilka ett sektorsövergripande nätverk bildades',
      en: 'Clients with a multi-agency network',
    },
    definition: {
      fi: 'Jakson asiakkaat (clients.period), joiden asiakkuudessa oli mukana vähintään yksi muu organisaatio kuin asiakkuutta ylläpitävä: asiakkuuden tiimissä (lisätty viimeistään jakson viimeisenä päivänä) tai asiakkuuden verkostotapaamisessa, joka pidettiin viimeistään jakson viimeisenä päivänä (korjattu tapaaminen korjauksen mukaisena). Osuus kaikista jakson asiakkaista.',
      sv: 'Periodens klienter (clients.period) vars klientskap hade minst en annan organisation än den som driver klientskapet med: i klientskapets team (tillagd senast periodens sista dag) eller i ett nätverksmöte för klientskapet som hölls senast periodens sista dag (ett korrigerat möte enligt korrigeringen). Andel av alla periodens klienter.',
      en: 'Clients of the period (clients.period) whose case had at least one organisation other than the one running it taking part: on the case team (added on or before the last day of the period) or in a network meeting of the case held on or before the last day of the period (a corrected meeting as corrected). Share of all clients of the period.',
    },
  },
  {
    id: 'network.organisation_types',
    group: 'network',
    title: {
      fi: 'Monialaiseen asiakastyöhön osallistuneet tahot',
      sv: 'Aktörer som deltog i det sektorsövergripande klientarbetet',
      en: 'Organisations taking part in multi-agency client work',
    },
    definition: {
      fi: 'Organisaatiotyypeittäin ne jakson asiakkaat, joiden verkostossa (kuten network.clients) oli mukana tämän tyypin organisaatio, ja heidän osuutensa kaikista jakson asiakkaista (kuten pilotin taulukossa). Asiakas lasketaan kerran kunkin tyypin kohdalla ja voi kuulua usean tyypin lukuun, joten luvut eivät summaudu.',
      sv: 'Per organisationstyp de klienter under perioden i vars nätverk (som i network.clients) en organisation av typen deltog, och deras andel av alla periodens klienter (som i pilotens tabell). En klient räknas en gång per typ och kan räknas under flera typer, så talen summeras inte.',
      en: 'For each type of organisation, the clients of the period in whose network (as in network.clients) an organisation of that type took part, and their share of all clients of the period (as in the pilot’s table). A client counts once per type and may count under several, so the figures do not add up.',
    },
  },
  {
    id: 'questionnaires.responses',
    group: 'questionnaires',
    title: {
      fi: 'Mittausten vastaukset alkutilanteessa ja seurannoissa',
      sv: 'Svar på mätningarna i utgångsläget och vid uppföljningarna',
      en: 'Responses to measurements at baseline and follow-ups',
    },
    definition: {
      fi: 'Rajaukseen kuuluvien asiakkuuksien mittaukset, joiden määräpäivä on jaksolla (measurement.due_on), mittareittain ja kierroksittain (alkutilanne asiakkuuden alussa, sitten kuukausia asiakkuuden avaamisesta): määräaikaiset, vastatut (asiakas linkin kautta tai ammattilaisen kirjaamana), vastaamatta vanhentuneet ja vielä avoimet, sekä vastattujen osuus määräaikaisista.',
      sv: 'Mätningar på klientskap inom avgränsningen med förfallodag under perioden (measurement.due_on), per mätare och omgång (utgångsläget i början av klientskapet, sedan månader efter att klientskapet öppnades): förfallna, besvarade (av klienten via länk eller antecknade av en yrkesperson), utgångna utan svar och ännu öppna, samt andelen besvarade av de förfallna.',
      en: 'Measurements on cases within the scope due in the period (measurement.due_on), by instrument and round (baseline at the start of the case, then months after the case opened): due, answered (by the client through a link or recorded by a professional), expired without an answer, and still open; and the share answered of those due.',
    },
  },
  {
    id: 'questionnaires.change',
    group: 'questionnaires',
    title: {
      fi: 'Muutos alkutilanteesta mittareittain',
      sv: 'Förändring från utgångsläget per mätare',
      en: 'Change from baseline per instrument',
    },
    definition: {
      fi: 'Kunkin mittarin henkilökohtaisille pisteille (määritelmän yksittäisen kysymyksen, summan tai keskiarvon pisteet; ei osuuksia eikä NPS:ää) ja kullekin seurantakierrokselle: henkilöt, joiden seurantamittaus erääntyi jaksolla ja on vastattu ja joiden saman asiakkuuden ja mittarin alkutilanne on vastattu; heidän keskiarvonsa alussa, seurannassa ja keskimääräinen muutos (seuranta miinus alku) sekä n. Ryhmätason mittari (THL:n osallisuusindikaattori) raportoidaan vain näin.',
      sv: 'För varje mätares personliga poäng (definitionens poäng för en fråga, en summa eller ett medelvärde; inte andelar eller NPS) och varje uppföljningsomgång: personer vars uppföljningsmätning förföll under perioden och är besvarad och vars utgångsläge för samma klientskap och mätare är besvarat; deras medelvärde i början, vid uppföljningen och den genomsnittliga förändringen (uppföljning minus början) samt n. En mätare på gruppnivå (THL:s delaktighetsindikator) rapporteras endast så.',
      en: 'For each person-level score of each instrument (the definition’s item, sum or mean scores; not shares or NPS) and each follow-up round: the people whose follow-up measurement was due in the period and is answered, and whose baseline of the same case and instrument is answered; their mean at baseline, at follow-up and the mean change (follow-up minus baseline), with n. A group-level instrument (THL’s participation indicator) is reported only this way.',
    },
  },
  {
    id: 'experience.prem',
    group: 'experience',
    title: { fi: 'Asiakaskokemus (PREM)', sv: 'Klientupplevelse (PREM)', en: 'Client experience (PREM)' },
    definition: {
      fi: 'Asiakaskokemuskyselyn (mittari prem) vastaukset, jotka annettiin jaksolla (measurement_response.answered_on) rajaukseen kuuluvilla asiakkuuksilla: kunkin kysymyksen kunkin vastausvaihtoehdon osuus kysymykseen vastanneista ja n. "En osaa sanoa" on oma vastauksensa. Kysymykset ja vaihtoehdot ovat mittarin uusimman version mukaiset. Avoimia vastauksia ei raportoida.',
      sv: 'Svar på enkäten om klientupplevelsen (mätaren prem) som gavs under perioden (measurement_response.answered_on) på klientskap inom avgränsningen: andelen av varje svarsalternativ bland dem som besvarade frågan, och n. "Kan inte säga" är ett eget svar. Frågorna och alternativen följer mätarens senaste version. Fritextsvar rapporteras aldrig.',
      en: 'Answers to the client experience survey (instrument prem) given in the period (measurement_response.answered_on) on cases within the scope: for each question, the share of each answer among those who answered it, with n. "Cannot say" is an answer of its own. Questions and options are those of the instrument’s latest version. Free-text answers are never reported.',
    },
  },
  {
    id: 'experience.stakeholder',
    group: 'experience',
    title: { fi: 'Sidosryhmäkysely', sv: 'Enkät till samarbetsparter', en: 'Stakeholder survey' },
    definition: {
      fi: 'Yhteistyöorganisaatioiden ammattilaisten vastaukset sidosryhmäkyselyyn (mittari stakeholder_survey), jotka annettiin jaksolla (stakeholder_response.answered_on) rajaukseen kuuluvien tiimien työstä: kunkin kysymyksen kunkin vastausvaihtoehdon osuus ja n. Kunta- ja polkurajaus eivät koske tätä lukua, koska vastaus koskee tiimiä, ei asiakasta. Vastaukset ovat nimettömiä; avoimia vastauksia ei raportoida.',
      sv: 'Svar från samarbetsorganisationernas yrkespersoner på enkäten till samarbetsparter (mätaren stakeholder_survey) som gavs under perioden (stakeholder_response.answered_on) om arbetet i team inom avgränsningen: andelen av varje svarsalternativ per fråga, och n. Avgränsningen efter kommun och servicestig gäller inte detta tal, eftersom svaret gäller ett team, inte en klient. Svaren är anonyma; fritextsvar rapporteras aldrig.',
      en: 'Answers of partner organisations’ professionals to the stakeholder survey (instrument stakeholder_survey) given in the period (stakeholder_response.answered_on) about the work of teams within the scope: for each question, the share of each answer, with n. The municipality and pathway filters do not apply, as an answer is about a team, not a client. Answers are anonymous; free text is never reported.',
    },
  },
  {
    id: 'cases.outcomes',
    group: 'outcomes',
    title: {
      fi: 'Asiakkuuksien tulokset päättyessä',
      sv: 'Utfall när klientskapen avslutades',
      en: 'Case outcomes at closure',
    },
    definition: {
      fi: 'Rajaukseen kuuluvat asiakkuudet, jotka päätettiin jaksolla (client_case.closed_on), päättämisen yhteydessä kirjatun tuloksen mukaan, ja kunkin tuloksen osuus kaikista päättyneistä.',
      sv: 'Klientskap inom avgränsningen som avslutades under perioden (client_case.closed_on), enligt det utfall som antecknades vid avslutningen, och varje utfalls andel av alla avslutade.',
      en: 'Cases within the scope closed in the period (client_case.closed_on), by the outcome recorded at closure, with each outcome’s share of all closed cases.',
    },
  },
  {
    id: 'waiting.referral_to_first_visit',
    group: 'waiting',
    title: {
      fi: 'Aika asiakasohjauksesta ensimmäiseen käyntiin',
      sv: 'Tid från hänvisning till första besöket',
      en: 'Time from referral to the first visit',
    },
    definition: {
      fi: 'Rajaukseen kuuluvat ohjauksesta avatut asiakkuudet, joiden ensimmäinen käynti (asiakkuuden aikaisin käynti kenen tahansa ammattilaisen luona; korjattu käynti korjauksen mukaisena) on jaksolla: päivät ohjauksen lähetyspäivästä (Suomen aikaa) tähän käyntiin. Mediaani ja 90. persentiili (jatkuvat persentiilit) sekä n.',
      sv: 'Klientskap inom avgränsningen som öppnats efter en hänvisning och vars första besök (klientskapets tidigaste besök hos vilken yrkesperson som helst; ett korrigerat besök enligt korrigeringen) är under perioden: dagarna från den dag hänvisningen skickades (finsk tid) till det besöket. Median och 90:e percentil (kontinuerliga percentiler) samt n.',
      en: 'Cases within the scope opened from a referral whose first visit (the case’s earliest visit with any professional; a corrected visit as corrected) is in the period: the days from the day the referral was sent (Finnish time) to that visit. Median and 90th percentile (continuous percentiles), with n.',
    },
  },
  {
    id: 'phases.time_in_phase',
    group: 'phases',
    title: { fi: 'Vaiheissa vietetty aika', sv: 'Tid i varje fas', en: 'Time spent in each phase' },
    definition: {
      fi: 'Kunkin palvelupolun kullekin vaiheelle: rajaukseen kuuluvien asiakkuuksien jaksot vaiheessa, jotka päättyivät jaksolla. Vaiheessa olo alkaa vaiheeseen siirtäneen vaihemuutoksen päivästä (tai asiakkuuden avaamisesta) ja päättyy seuraavan vaihemuutoksen päivään tai päätetyn asiakkuuden viimeisessä vaiheessa päättämispäivään. Vielä jatkuvia ei lasketa. Mediaani ja keskiarvo päivinä sekä n.',
      sv: 'För varje fas på varje servicestig: perioder i fasen på klientskap inom avgränsningen som slutade under perioden. En period i fasen börjar den dag fasändringen till fasen gjordes (eller klientskapet öppnades) och slutar den dag nästa fasändring görs eller, i den sista fasen för ett avslutat klientskap, den dag klientskapet avslutades. Pågående perioder räknas inte. Median och medelvärde i dagar samt n.',
      en: 'For each phase of each pathway: stays in the phase on cases within the scope that ended in the period. A stay starts on the date of the phase change into the phase (or the case’s opening) and ends on the date of the next phase change or, in the last phase of a closed case, the closing date. Stays still going on are not counted. Median and mean in days, with n.',
    },
  },
  // Supported employment (issue 6): computed by figures/employment.ts. A coaching is within the scope when its
  // case is, or when the chosen organisation (team) is the coaching organisation (team).
  {
    id: 'employment.coaching',
    group: 'employment',
    title: {
      fi: 'Asiakkaat työhönvalmennuksessa',
      sv: 'Klienter i jobbcoachning',
      en: 'Clients in job coaching',
    },
    definition: {
      fi: 'Rajaukseen kuuluvat työhönvalmennukset (coaching): valmennus kuuluu rajaukseen, kun sen asiakkuus kuuluu, tai kun valittu organisaatio (tiimi) on valmentava organisaatio (tiimi). Valmennuksessa jaksolla: valmennus oli käynnissä vähintään yhtenä jakson päivänä (aloitettu viimeistään jakson viimeisenä päivänä eikä päättynyt ennen ensimmäistä). Aloittaneet ja päättyneet: aloitus- tai päättymispäivä (coaching.started_on, ended_on) jaksolla. Valmennusmallin (IPS tai laatukriteerien mukainen tuettu työllistyminen) ja tuen määrän (intensiivinen tai kevyt) mukaan. Kukin valmennus on yhden asiakkaan.',
      sv: 'Jobbcoachningar (coaching) inom avgränsningen: en coachning hör till avgränsningen när dess klientskap gör det, eller när den valda organisationen (teamet) är den coachande organisationen (teamet). I coachning under perioden: coachningen pågick minst en dag under perioden (påbörjad senast periodens sista dag och inte avslutad före den första). Påbörjade och avslutade: start- eller slutdatum (coaching.started_on, ended_on) under perioden. Enligt modell (IPS eller arbete med stöd enligt kvalitetskriterierna) och stödets omfattning (intensiv eller lätt). Varje coachning gäller en klient.',
      en: 'Job coachings (coaching) within the scope: a coaching is within the scope when its case is, or when the chosen organisation (team) is the coaching organisation (team). In coaching in the period: the coaching ran on at least one day of the period (started on or before the last day and not ended before the first). Started and ended: the start or end date (coaching.started_on, ended_on) in the period. By model (IPS or supported employment by the quality criteria) and intensity (intensive or light support). Each coaching is one client’s.',
    },
  },
  {
    id: 'employment.employer_contacts',
    group: 'employment',
    title: {
      fi: 'Työnantajakontaktit valmentajaa kohden viikossa',
      sv: 'Arbetsgivarkontakter per coach och vecka',
      en: 'Employer contacts per coach per week',
    },
    definition: {
      fi: 'Jaksolle päivätyt valmentajien yhteydenotot työnantajiin (employer_contact.contacted_on), kun yhteydenoton kirjannut organisaatio on valittu organisaatio ja valmentaja kuuluu valittuun tiimiin. Valmentajat: ne, jotka kirjasivat yhteydenoton jaksolla, ja ne, joilla oli jaksolla käynnissä oleva valmennus valitussa organisaatiossa ja tiimissä. Kontakteja valmentajaa kohden viikossa: kontaktit jaettuna valmentajilla ja jakson viikoilla (päivät / 7). Vähintään 6 viikossa: valmentajat, joiden omat kontaktit jaksolla ovat vähintään 6 × viikot (IPS:n käytäntö noin kuusi kontaktia viikossa). Kunta- ja polkurajaus eivät koske tätä lukua, koska kontakti koskee työnantajaa, ei asiakasta.',
      sv: 'Coachernas kontakter med arbetsgivare daterade under perioden (employer_contact.contacted_on), när den organisation som antecknade kontakten är den valda och coachen hör till det valda teamet. Coacher: de som antecknade en kontakt under perioden och de som hade en pågående coachning i den valda organisationen och teamet under perioden. Kontakter per coach och vecka: kontakterna delade med antalet coacher och periodens veckor (dagar / 7). Minst 6 i veckan: coacher vars egna kontakter under perioden är minst 6 × veckorna (IPS-praxis cirka sex kontakter i veckan). Avgränsningen efter kommun och servicestig gäller inte detta tal, eftersom en kontakt gäller en arbetsgivare, inte en klient.',
      en: 'Coaches’ contacts with employers dated in the period (employer_contact.contacted_on), where the organisation that recorded the contact is the chosen one and the coach is a member of the chosen team. Coaches: those who recorded a contact in the period, and those with a coaching running in the period in the chosen organisation and team. Contacts per coach per week: the contacts divided by the coaches and by the weeks of the period (days / 7). At least 6 a week: coaches whose own contacts in the period are at least 6 × the weeks (IPS practice: about six contacts a week). The municipality and pathway filters do not apply, as a contact is about an employer, not a client.',
    },
  },
  {
    id: 'employment.job_starts',
    group: 'employment',
    title: { fi: 'Työn aloitukset', sv: 'Påbörjade arbeten', en: 'Job starts' },
    definition: {
      fi: 'Rajaukseen kuuluvien valmennusten työn aloitukset, joiden aloituspäivä on jaksolla (job_placement.started_on) ja joissa on palkallista työtä vähintään 4 tuntia viikossa (IPS: työn aloitus lasketaan 4 tunnista; lyhyemmät kirjataan mutta eivät ole aloituksia): avoimilla työmarkkinoilla ilman palkkatukea, avoimilla työmarkkinoilla palkkatuella ja muu kuin avoin työmarkkina, sekä osuudet kaikista aloituksista.',
      sv: 'Påbörjade arbeten i coachningar inom avgränsningen med startdatum under perioden (job_placement.started_on) och minst 4 timmar avlönat arbete i veckan (IPS: ett påbörjat arbete räknas från 4 timmar; kortare antecknas men räknas inte): på den öppna arbetsmarknaden utan lönesubvention, på den öppna arbetsmarknaden med lönesubvention och utanför den öppna arbetsmarknaden, samt andelar av alla påbörjade arbeten.',
      en: 'Job starts of coachings within the scope with a start date in the period (job_placement.started_on) and at least 4 hours of paid work a week (IPS: a job start counts from 4 hours; shorter jobs are recorded but are not starts): on the open labour market without pay subsidy, on the open labour market with pay subsidy, and outside the open labour market, with shares of all job starts.',
    },
  },
  {
    id: 'employment.time_to_first_contact',
    group: 'employment',
    title: {
      fi: 'Aika valmennuksen alusta ensimmäiseen työnantajakontaktiin',
      sv: 'Tid från coachningens början till den första arbetsgivarkontakten',
      en: 'Time from the start of coaching to the first employer contact',
    },
    definition: {
      fi: 'Rajaukseen kuuluvat valmennukset, joiden ensimmäinen asiakkaan puolesta otettu työnantajakontakti (yhteydenotto, johon on kirjattu asiakkaan valmennus, valmennuksen alusta alkaen) on jaksolla: päivät valmennuksen aloituspäivästä tähän kontaktiin. Mediaani (jatkuva) ja n sekä niiden valmennusten määrä ja osuus, joissa kontakti oli enintään 30 päivän kuluttua (IPS: nopea työnhaku, ensimmäinen työnantajakontakti noin kuukaudessa).',
      sv: 'Coachningar inom avgränsningen vars första arbetsgivarkontakt för klientens räkning (en kontakt med klientens coachning antecknad, från coachningens början) är under perioden: dagarna från coachningens startdatum till den kontakten. Median (kontinuerlig) och n samt antal och andel coachningar där kontakten kom inom högst 30 dagar (IPS: snabbt arbetssökande, första arbetsgivarkontakten inom ungefär en månad).',
      en: 'Coachings within the scope whose first employer contact on the client’s behalf (a contact recorded with the client’s coaching, from the coaching’s start on) is in the period: the days from the coaching’s start date to that contact. Median (continuous) and n, and the number and share of coachings whose contact came within 30 days (IPS rapid job search: first employer contact within about a month).',
    },
  },
  {
    id: 'employment.time_to_first_job',
    group: 'employment',
    title: {
      fi: 'Aika valmennuksen alusta ensimmäiseen työn aloitukseen',
      sv: 'Tid från coachningens början till det första påbörjade arbetet',
      en: 'Time from the start of coaching to the first job start',
    },
    definition: {
      fi: 'Rajaukseen kuuluvat valmennukset, joiden ensimmäinen työn aloitus (vähintään 4 tuntia viikossa, kuten employment.job_starts, valmennuksen alusta alkaen) on jaksolla: päivät valmennuksen aloituspäivästä työn aloituspäivään. Mediaani (jatkuva) ja n.',
      sv: 'Coachningar inom avgränsningen vars första påbörjade arbete (minst 4 timmar i veckan, som i employment.job_starts, från coachningens början) är under perioden: dagarna från coachningens startdatum till arbetets startdatum. Median (kontinuerlig) och n.',
      en: 'Coachings within the scope whose first job start (at least 4 hours a week, as in employment.job_starts, from the coaching’s start on) is in the period: the days from the coaching’s start date to the job’s start date. Median (continuous) and n.',
    },
  },
  {
    id: 'employment.job_tenure',
    group: 'employment',
    title: { fi: 'Työsuhteiden kesto', sv: 'Anställningarnas längd', en: 'Job tenure' },
    definition: {
      fi: 'Rajaukseen kuuluvien valmennusten työn aloitukset (vähintään 4 tuntia viikossa): jaksolla päättyneet (job_placement.ended_on jaksolla) ja niiden kesto päivinä aloituksesta päättymiseen, sekä jakson lopussa jatkuvat (aloitettu viimeistään jakson viimeisenä päivänä eikä päättynyt silloin) ja niiden kesto jakson viimeiseen päivään. Mediaani (jatkuva) ja n.',
      sv: 'Påbörjade arbeten i coachningar inom avgränsningen (minst 4 timmar i veckan): de som upphörde under perioden (job_placement.ended_on under perioden) och deras längd i dagar från start till slut, samt de som fortsätter vid periodens slut (påbörjade senast periodens sista dag och inte upphörda då) och deras längd till periodens sista dag. Median (kontinuerlig) och n.',
      en: 'Job starts of coachings within the scope (at least 4 hours a week): those that ended in the period (job_placement.ended_on in the period) and their length in days from start to end, and those continuing at the end of the period (started on or before its last day and not ended by then) and their length to the last day of the period. Median (continuous) and n.',
    },
  },
  {
    id: 'employment.work_trials',
    group: 'employment',
    title: {
      fi: 'Työkokeilut ja työpaikan ohjaajan palaute',
      sv: 'Arbetsprövningar och handledarens respons',
      en: 'Work trials and the supervisor’s feedback',
    },
    definition: {
      fi: 'Rajaukseen kuuluvien valmennusten työkokeilut, jotka alkoivat (work_trial.starts_on) tai keskeytyivät (interrupted_on) jaksolla, sekä jaksolla annetut työpaikan ohjaajan väli- ja loppuarvioinnit (work_trial_feedback.answered_on). Arvioista kunkin osa-alueen (työvalmiudet, jaksaminen, työssä näkyvä terveys, sosiaaliset taidot, toiminta työssä) keskiarvo asteikolla 1–5 ja n; "en osaa arvioida" ei ole mukana. Avoimia vastauksia ei raportoida.',
      sv: 'Arbetsprövningar i coachningar inom avgränsningen som började (work_trial.starts_on) eller avbröts (interrupted_on) under perioden, samt handledarens mellan- och slutbedömningar givna under perioden (work_trial_feedback.answered_on). Av bedömningarna medelvärdet på skalan 1–5 för varje område (arbetsfärdigheter, ork, hälsa som syns i arbetet, sociala färdigheter, agerande i arbetet) och n; "kan inte bedöma" räknas inte. Fritextsvar rapporteras aldrig.',
      en: 'Work trials of coachings within the scope that started (work_trial.starts_on) or were interrupted (interrupted_on) in the period, and the supervisor’s mid-point and final feedback given in the period (work_trial_feedback.answered_on). Of the feedback, the mean on the 1–5 scale of each area (work readiness, coping, health visible at work, social skills, action at work) with n; "cannot assess" is left out. Free text is never reported.',
    },
  },
  {
    id: 'employment.fidelity',
    group: 'employment',
    title: {
      fi: 'IPS-menetelmäuskollisuus tiimeittäin',
      sv: 'IPS-modelltrohet per team',
      en: 'IPS fidelity by team',
    },
    definition: {
      fi: 'Kunkin valitun organisaation (tiimin) valmennustiimin viimeisin valmis IPS-menetelmäuskollisuusarviointi, jonka arviointipäivä on viimeistään jakson viimeisenä päivänä: kokonaispisteet (25 osiota, kukin 1–5, yhteensä 25–125), luokka (115–125 erinomainen, 100–114 hyvä, 74–99 kohtalainen, enintään 73 ei tuettua työllistymistä) ja arviointipäivä. Kunta- ja polkurajaus eivät koske tätä lukua, koska arviointi koskee tiimiä, ei asiakasta.',
      sv: 'För varje coachningsteam i den valda organisationen (teamet) den senaste slutförda bedömningen av IPS-modelltrohet med bedömningsdatum senast periodens sista dag: totalpoäng (25 delområden, vart och ett 1–5, totalt 25–125), klass (115–125 utmärkt, 100–114 god, 74–99 tillfredsställande, högst 73 inte arbete med stöd) och bedömningsdatum. Avgränsningen efter kommun och servicestig gäller inte detta tal, eftersom bedömningen gäller ett team, inte en klient.',
      en: 'For each coaching team of the chosen organisation (team), the latest final IPS fidelity review dated on or before the last day of the period: the total score (25 items, each 1–5, total 25–125), the band (115–125 exemplary, 100–114 good, 74–99 fair, 73 or less not supported employment) and the review date. The municipality and pathway filters do not apply, as a review is about a team, not a client.',
    },
  },
] as const satisfies readonly MetricDefinition[];

export type MetricId = (typeof METRICS)[number]['id'];

const BY_ID = new Map<string, MetricDefinition>(METRICS.map((m) => [m.id, m]));

export function metric(id: MetricId): MetricDefinition {
  return BY_ID.get(id)!;
}
