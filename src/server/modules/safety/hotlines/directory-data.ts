import type {
  CountryDirectory,
  InternationalDirectory,
} from "../../../../shared/hotlines.js";

/**
 * Crisis hotline directory, shown to a member who says they are in crisis.
 *
 * Every service was checked against the page in its `sourceUrl` on `checkedOn`.
 * Services whose number, hours or status could not be confirmed were left out
 * rather than guessed (see the notes on each country and at the end of the file).
 * The page confirming each emergency number is noted in a comment above it.
 *
 * `url` is the service's own site where that could be confirmed; where it could
 * not, it points to the official (usually government) page announcing the
 * service, or failing that to the page that confirmed the facts.
 *
 * Re-check every entry at least every six months: numbers and hours change.
 */

const CHECKED_ON = "2026-11-22";

// "EU 112" below: the single European emergency number works in every EU member state,
// https://www.digitalhealth.net/2008/12/pan-european-112-emergency-number-a-reality/

export const hotlineDirectory: CountryDirectory[] = [
  {
    countryCode: "US",
    countryName: "United States",
    // https://www.helloswitzerland.ch/magazine/de/-/144-emergency ("USA and Canada (911)")
    emergencyNumber: "911",
    services: [
      {
        name: "988 Suicide & Crisis Lifeline",
        description:
          "Free, confidential support from trained crisis counselors for anyone in emotional distress or suicidal crisis.",
        phone: "988",
        sms: { number: "988", instructions: "Text 988" },
        chatUrl: "https://988lifeline.org/chat",
        hours: "24/7",
        url: "https://988lifeline.org",
        sourceUrl: "https://www.linesforlife.org/988-info/",
        checkedOn: CHECKED_ON,
        languages: ["en", "es"],
      },
    ],
  },
  {
    countryCode: "CA",
    countryName: "Canada",
    // https://www.helloswitzerland.ch/magazine/de/-/144-emergency ("USA and Canada (911)")
    emergencyNumber: "911",
    services: [
      {
        name: "9-8-8: Suicide Crisis Helpline",
        description:
          "National suicide crisis helpline with trained responders; call or text, free.",
        phone: "988",
        sms: { number: "988", instructions: "Text 988" },
        hours: "24/7",
        url: "https://988.ca",
        sourceUrl:
          "https://www.newswire.ca/news-releases/government-of-canada-launches-three-digit-suicide-crisis-helpline-896472116.html",
        checkedOn: CHECKED_ON,
        languages: ["en", "fr"],
      },
    ],
  },
  {
    countryCode: "GB",
    countryName: "United Kingdom",
    // https://giveusashout.org/about-us/faq ("Please always call 999 if your life is at imminent risk")
    emergencyNumber: "999",
    services: [
      {
        name: "Samaritans",
        description:
          "Free, confidential listening for anyone who is struggling; email jo@samaritans.org.",
        phone: "116 123",
        hours: "24/7",
        url: "https://www.samaritans.org",
        sourceUrl:
          "https://www.samaritans.org/how-we-can-help/contact-samaritan/",
        checkedOn: CHECKED_ON,
      },
      {
        name: "Shout 85258",
        description:
          "Free, confidential text support from trained volunteers overseen by clinical supervisors.",
        sms: { number: "85258", instructions: "Text SHOUT to 85258" },
        hours: "24/7",
        url: "https://giveusashout.org",
        sourceUrl: "https://giveusashout.org/about-us/faq",
        checkedOn: CHECKED_ON,
        audience: "UK residents of any age",
      },
    ],
  },
  {
    countryCode: "IE",
    countryName: "Ireland",
    // https://de.qwe.wiki/wiki/999_(emergency_telephone_number) (999 used in Ireland; EU 112 also works)
    emergencyNumber: "999",
    services: [
      {
        name: "Samaritans Ireland",
        description:
          "Free, confidential listening for anyone who is struggling; email jo@samaritans.ie.",
        phone: "116 123",
        hours: "24/7",
        url: "https://www.samaritans.org",
        sourceUrl:
          "https://www.irishexaminer.com/ireland/charity-launches-email-service-as-calls-surge-to-over-625000-467986.html",
        checkedOn: CHECKED_ON,
      },
      {
        name: "Pieta",
        description:
          "Free suicide and self-harm crisis helpline staffed by trained counsellors.",
        phone: "1800 247 247",
        sms: { number: "51444", instructions: "Text HELP to 51444" },
        hours: "24/7",
        url: "https://www.pieta.ie",
        sourceUrl:
          "https://wicklownow.ie/news/wicklow-people-feeling-low-over-christmas-period-urged-to-contact-helpline/",
        checkedOn: CHECKED_ON,
      },
    ],
  },
  {
    countryCode: "AU",
    countryName: "Australia",
    // https://lifelineh2h.org.au/get-help/telephone-crisis-support/faqs/ ("If you are in immediate danger call 000")
    emergencyNumber: "000",
    services: [
      {
        name: "Lifeline Australia",
        description:
          "Crisis support and suicide prevention from trained crisis supporters, by phone or text.",
        phone: "13 11 14",
        sms: { number: "0477 13 11 14", instructions: "Text 0477 13 11 14" },
        hours: "24/7",
        url: "https://www.lifeline.org.au",
        sourceUrl:
          "https://www.theleader.com.au/story/7611333/lifeline-crisis-text-service-goes-247-to-help-more-in-need/",
        checkedOn: CHECKED_ON,
      },
    ],
  },
  {
    countryCode: "NZ",
    countryName: "New Zealand",
    // https://vice.com/en/article/new-zealands-biggest-mental-health-helpline-misses-one-in-four-calls (111 for psychological distress emergencies)
    emergencyNumber: "111",
    services: [
      {
        name: "1737 Need to Talk?",
        description: "Free call or text to talk with a trained counsellor.",
        phone: "1737",
        sms: { number: "1737", instructions: "Text 1737" },
        hours: "24/7",
        url: "https://1737.org.nz",
        sourceUrl:
          "https://vice.com/en/article/new-zealands-biggest-mental-health-helpline-misses-one-in-four-calls",
        checkedOn: CHECKED_ON,
      },
      {
        name: "Lifeline Aotearoa",
        description:
          "Free, confidential crisis support, including for people at risk of suicide.",
        phone: "0800 543 354",
        hours: "24/7",
        url: "https://www.lifeline.org.nz",
        sourceUrl:
          "https://m.scoop.co.nz/stories/GE2404/S00071/lifeline-celebrates-60th-year-but-pressure-has-never-been-greater.htm",
        checkedOn: CHECKED_ON,
      },
    ],
  },
  {
    countryCode: "DE",
    countryName: "Germany",
    // EU 112 (see note at top)
    emergencyNumber: "112",
    services: [
      {
        name: "TelefonSeelsorge",
        description:
          "Free, anonymous listening by phone, chat and email; second number 0800 111 0 222.",
        phone: "0800 111 0 111",
        hours: "24/7",
        url: "https://www.telefonseelsorge.de",
        sourceUrl:
          "https://www.domradio.de/artikel/telefonseelsorge-jetzt-unter-oekumenischem-dachverband",
        checkedOn: CHECKED_ON,
        languages: ["de"],
      },
    ],
  },
  {
    countryCode: "AT",
    countryName: "Austria",
    // EU 112 (see note at top)
    emergencyNumber: "112",
    services: [
      {
        name: "Telefonseelsorge Notruf 142",
        description:
          "Free, anonymous crisis line with official emergency-number status; also chat and email.",
        phone: "142",
        chatUrl: "https://chat.onlineberatung-telefonseelsorge.at",
        hours: "Phone 24/7; chat daily 16:00–23:00",
        url: "https://www.telefonseelsorge.at",
        sourceUrl:
          "https://wienerbezirksblatt.at/hochwasser-tlefonseelsorge-jetzt-rund-um-die-uhr-erreichbar/",
        checkedOn: CHECKED_ON,
        languages: ["de"],
      },
    ],
  },
  {
    countryCode: "CH",
    countryName: "Switzerland",
    // https://ch.ch/en/road-accident-what-should-i-do (112 is "the most important emergency number"; ambulance 144)
    emergencyNumber: "112",
    services: [
      {
        name: "Die Dargebotene Hand / La Main Tendue / Telefono Amico (Tel 143)",
        description:
          "Anonymous listening for anyone in difficulty, also in Liechtenstein; CHF 0.20 per call.",
        phone: "143",
        hours: "24/7",
        url: "https://www.143.ch",
        sourceUrl: "https://ch.ch/en/road-accident-what-should-i-do",
        checkedOn: CHECKED_ON,
      },
    ],
  },
  {
    countryCode: "FR",
    countryName: "France",
    // EU 112 (see note at top)
    emergencyNumber: "112",
    services: [
      {
        name: "3114 – Numéro national de prévention du suicide",
        description:
          "Free, confidential line answered by health professionals, in mainland France and overseas.",
        phone: "3114",
        hours: "24/7",
        url: "https://3114.fr",
        sourceUrl:
          "https://www.mayotte.ars.sante.fr/3114-le-numero-national-de-prevention-du-suicide",
        checkedOn: CHECKED_ON,
        languages: ["fr"],
      },
      {
        name: "SOS Amitié",
        description:
          "Anonymous listening by trained volunteers, by phone, chat and messaging.",
        phone: "09 72 39 40 50",
        chatUrl: "https://chat-accueil.org",
        hours: "Phone 24/7; chat daily 13:00–03:00",
        url: "https://chat-accueil.org",
        sourceUrl: "https://chat-accueil.org/nous-connaitre",
        checkedOn: CHECKED_ON,
        languages: ["fr"],
      },
    ],
  },
  {
    countryCode: "BE",
    countryName: "Belgium",
    // EU 112 (see note at top)
    emergencyNumber: "112",
    services: [
      {
        name: "Zelfmoordlijn 1813",
        description:
          "Free, anonymous suicide prevention line for Flanders; chat on the website.",
        phone: "1813",
        chatUrl: "https://www.zelfmoord1813.be",
        hours: "Phone 24/7; chat at set hours",
        url: "https://www.zelfmoord1813.be",
        sourceUrl: "https://www.hbvl.be/cnt/dmf20211130_93272468",
        checkedOn: CHECKED_ON,
        languages: ["nl"],
      },
      {
        name: "Centre de Prévention du Suicide",
        description:
          "Free, anonymous listening line for people with suicidal thoughts.",
        phone: "0800 32 123",
        hours: "24/7",
        url: "https://www.preventionsuicide.be",
        sourceUrl:
          "https://www.lalibre.be/belgique/societe/2023/02/21/le-centre-de-prevention-du-suicide-est-confronte-a-une-hausse-du-nombre-dappels-A54EZGXFSJB3HNFT4ZSPCEPJ5I/",
        checkedOn: CHECKED_ON,
        languages: ["fr"],
      },
      {
        name: "Tele-Onthaal",
        description:
          "Free, anonymous listening line for anyone who needs to talk; chat on the website.",
        phone: "106",
        chatUrl: "https://www.tele-onthaal.be",
        hours: "Phone 24/7; chat at set hours",
        url: "https://www.tele-onthaal.be",
        sourceUrl:
          "https://weekend.knack.be/lifestyle/maatschappij/tele-onthaal-kreeg-recordaantal-oproepen-in-2020/article-news-1678571.html",
        checkedOn: CHECKED_ON,
        languages: ["nl"],
      },
    ],
  },
  {
    countryCode: "NL",
    countryName: "Netherlands",
    // EU 112 (see note at top)
    emergencyNumber: "112",
    services: [
      {
        name: "113 Zelfmoordpreventie",
        description:
          "Free, anonymous suicide prevention line and chat; 0800-0113 also works.",
        phone: "113",
        chatUrl: "https://www.113.nl",
        hours: "24/7",
        url: "https://www.113.nl",
        sourceUrl:
          "https://www.upday.com/nl/binnenland/nummer-113-nu-gratis-betere-hulp-bij-zelfdodingsgedachten/pj8neqt",
        checkedOn: CHECKED_ON,
        languages: ["nl"],
      },
    ],
  },
  {
    countryCode: "ES",
    countryName: "Spain",
    // EU 112 (see note at top)
    emergencyNumber: "112",
    services: [
      {
        name: "024 – Línea de atención a la conducta suicida",
        description:
          "Free, confidential national line of the Ministry of Health for people with suicidal thoughts and their families.",
        phone: "024",
        hours: "24/7",
        url: "https://www.rtve.es/noticias/20220509/sanidad-presenta-telefono-prevencion-suicidio/2347183.shtml",
        sourceUrl:
          "https://www.rtve.es/noticias/20220509/sanidad-presenta-telefono-prevencion-suicidio/2347183.shtml",
        checkedOn: CHECKED_ON,
        languages: ["es"],
      },
    ],
  },
  {
    countryCode: "PT",
    countryName: "Portugal",
    // https://24noticias.sapo.pt/atualidade/artigos/1411-linha-nacional-de-prevencao-do-suicidio-arranca-com-atendimento-24-horas ("Número europeu de emergência 112")
    emergencyNumber: "112",
    services: [
      {
        name: "Linha Nacional de Prevenção do Suicídio (1411)",
        description:
          "Free national line answered by psychologists and mental health nurses (SNS 24).",
        phone: "1411",
        hours: "24/7",
        url: "https://www.portugal.gov.pt/pt/gc25/comunicacao/noticia?i=linha-de-prevencao-de-suicido-do-sns-comeca-a-funcionar-a-10-de-setembro",
        sourceUrl:
          "https://www.altominho.tv/site/2025/09/10/linha-1411-de-prevencao-do-suicidio-entra-hoje-em-funcionamento",
        checkedOn: CHECKED_ON,
        languages: ["pt"],
      },
      {
        name: "SOS Voz Amiga",
        description:
          "Anonymous emotional support line run by trained volunteers; also 912 802 669 or 963 524 660.",
        phone: "213 544 545",
        hours: "Daily 15:30–00:30",
        url: "https://sosvozamiga.org",
        sourceUrl:
          "https://saudeonline.pt/sos-voz-amiga-em-jornada-de-48-horas-para-assinalar-dia-mundial-da-prevencao-do-suicidio",
        checkedOn: CHECKED_ON,
        languages: ["pt"],
      },
    ],
  },
  {
    countryCode: "IT",
    countryName: "Italy",
    // EU 112 (see note at top)
    emergencyNumber: "112",
    services: [
      {
        name: "Telefono Amico Italia",
        description:
          "Anonymous listening by trained volunteers; WhatsApp Amico on 324 011 7252.",
        phone: "02 2327 2327",
        hours: "Daily 09:00–24:00",
        url: "https://www.telefonoamico.it",
        sourceUrl:
          "https://www.agensir.it/quotidiano/2025/12/10/solidarieta-telefono-amico-italia-con-lingresso-di-torino-e-reggio-calabria-i-centri-locali-passano-da-20-a-22",
        checkedOn: CHECKED_ON,
        languages: ["it"],
      },
    ],
  },
  {
    countryCode: "SE",
    countryName: "Sweden",
    // EU 112 (see note at top)
    emergencyNumber: "112",
    services: [
      {
        name: "Mind Självmordslinjen",
        description:
          "Anonymous support by phone, chat or email from trained volunteers for people with suicidal thoughts.",
        phone: "90101",
        chatUrl: "https://mind.se",
        hours: "24/7",
        url: "https://mind.se/sjalvmordslinjen/",
        sourceUrl:
          "https://www.kronprinsessparetsstiftelse.se/projekt/sjalvmordsupplysningen.html",
        checkedOn: CHECKED_ON,
        languages: ["sv"],
      },
    ],
  },
  {
    countryCode: "NO",
    countryName: "Norway",
    // https://www.viken-nettskole.no/lessons/varsling-copy/ (113 medical emergency; 112 police; 110 fire)
    emergencyNumber: "113",
    services: [
      {
        name: "Kirkens SOS",
        description:
          "Anonymous crisis line; also SOS-melding and chat. Normal call charges apply.",
        phone: "22 40 00 40",
        hours: "24/7",
        url: "https://www.girku-sos.no",
        sourceUrl: "https://www.girku-sos.no/nordsamisk/telefon",
        checkedOn: CHECKED_ON,
        languages: ["no", "en"],
      },
    ],
  },
  {
    countryCode: "FI",
    countryName: "Finland",
    // https://mieli.fi/helpline ("call the emergency number 112")
    emergencyNumber: "112",
    services: [
      {
        name: "MIELI Kriisipuhelin (Crisis Helpline)",
        description:
          "Confidential crisis conversation with crisis workers or trained volunteers; MIELI does not charge for calls.",
        phone: "09 2525 0111",
        hours: "24/7 (Finnish line)",
        url: "https://mieli.fi",
        sourceUrl: "https://mentalhealth.fi/where-to-go-in-an-emergency",
        checkedOn: CHECKED_ON,
        languages: ["fi"],
      },
    ],
  },
  {
    countryCode: "IS",
    countryName: "Iceland",
    // https://www.viken-nettskole.no/lessons/varsling-copy/ (112 works in all EU/EEA countries)
    emergencyNumber: "112",
    services: [
      {
        name: "Hjálparsími Rauða krossins 1717",
        description:
          "Red Cross helpline and web chat with trained volunteers for anyone in distress.",
        phone: "1717",
        chatUrl: "https://1717.is",
        hours: "24/7",
        url: "https://www.raudikrossinn.is",
        sourceUrl:
          "https://www.raudikrossinn.is/um-okkur/frettir-og-utgefid-efni/frettayfirlit/almennar-frettir/felagsmalaraduneytid-stydur-vid-1717",
        checkedOn: CHECKED_ON,
        languages: ["is"],
      },
    ],
  },
  {
    countryCode: "PL",
    countryName: "Poland",
    // EU 112 (see note at top)
    emergencyNumber: "112",
    services: [
      {
        name: "Centrum Wsparcia dla Osób w Stanie Kryzysu Psychicznego",
        description:
          "Free helpline for adults in mental crisis, staffed by psychologists (Fundacja ITAKA).",
        phone: "800 70 2222",
        hours: "24/7",
        url: "https://zdrowie.pap.pl/psyche/telefon-800-70-2222-ratuje-zycie",
        sourceUrl:
          "https://zdrowie.pap.pl/psyche/telefon-800-70-2222-ratuje-zycie",
        checkedOn: CHECKED_ON,
        languages: ["pl"],
      },
    ],
  },
  {
    countryCode: "CZ",
    countryName: "Czechia",
    // EU 112 (see note at top)
    emergencyNumber: "112",
    services: [
      {
        name: "Pražská linka důvěry",
        description:
          "Crisis line of the Prague Social Services Centre, open to all callers; also online chat.",
        phone: "222 580 697",
        hours: "24/7",
        url: "https://www.csspraha.cz",
        sourceUrl:
          "https://www.idnes.cz/praha/zpravy/linka-duvery-bohnice-ukoncena-cinnost-nedostatek-financi-psychika.A240110_100533_praha-zpravy_vich",
        checkedOn: CHECKED_ON,
        languages: ["cs"],
      },
      {
        name: "Linka bezpečí",
        description:
          "Free crisis line for children, young people and students.",
        phone: "116 111",
        hours: "24/7",
        url: "https://www.irozhlas.cz/zivotni-styl/spolecnost/linka-bezpeci-polovina-deti-se-nam-kvuli-pretizenosti-napoprve-nedovola-temata_2504010700_jar",
        sourceUrl:
          "https://www.irozhlas.cz/zivotni-styl/spolecnost/linka-bezpeci-polovina-deti-se-nam-kvuli-pretizenosti-napoprve-nedovola-temata_2504010700_jar",
        checkedOn: CHECKED_ON,
        languages: ["cs"],
        audience: "under 26s",
      },
    ],
  },
  {
    countryCode: "JP",
    countryName: "Japan",
    // https://www.city.odate.lg.jp/city/foreign-language/english/emergency-call (119 fire and ambulance; 110 police)
    emergencyNumber: "119",
    services: [
      {
        name: "Yorisoi Hotline (よりそいホットライン)",
        description:
          "Free line for any worry, with a suicide-prevention option and foreign-language guidance.",
        phone: "0120-279-338",
        hours: "24/7",
        url: "https://www.mhlw.go.jp/mamorouyokokoro/",
        sourceUrl: "https://hagi-city.site.ktaiwork.jp/archives/8505",
        checkedOn: CHECKED_ON,
        languages: ["ja"],
      },
      {
        name: "Inochi no Denwa (いのちの電話) suicide prevention free dial",
        description:
          "Free suicide prevention line run by volunteer centres nationwide.",
        phone: "0120-783-556",
        hours:
          "Daily 16:00–21:00; 08:00 on the 10th of each month to 08:00 the next day",
        url: "https://www.mhlw.go.jp/mamorouyokokoro/",
        sourceUrl: "https://www.city.akiruno.tokyo.jp/0000015267.html",
        checkedOn: CHECKED_ON,
        languages: ["ja"],
      },
    ],
  },
  {
    countryCode: "KR",
    countryName: "South Korea",
    // https://www.chosun.com/national/welfare-medical/2023/10/23/7FAR6H2VNVGDHMRGOEFS2PEPUA/?outputType=amp (119 rescue/ambulance; 112 police)
    emergencyNumber: "119",
    services: [
      {
        name: "109 Suicide Prevention Counselling Line (자살예방 상담전화)",
        description:
          "National suicide prevention line of the Ministry of Health and Welfare.",
        phone: "109",
        hours: "24/7",
        url: "https://eiec.kdi.re.kr/policy/materialView.do?num=246730",
        sourceUrl: "https://newspim.com/news/view/20240102000281",
        checkedOn: CHECKED_ON,
        languages: ["ko"],
      },
    ],
  },
  {
    countryCode: "IN",
    countryName: "India",
    // https://www.dnaindia.com/india/report-delhi-to-launch-single-emergency-helpline-112-for-faster-response-cm-rekha-gupta-3197661 (112 national emergency number)
    emergencyNumber: "112",
    services: [
      {
        name: "Tele-MANAS",
        description:
          "Free national tele-mental-health helpline in up to 20 languages; also 1-800-891-4416.",
        phone: "14416",
        hours: "24/7",
        url: "https://www.sakshipost.com/news/tele-manas-mental-health-helpline-handles-over-196-lakh-calls-2022-prataprao-jadhav-390692",
        sourceUrl:
          "https://www.sakshipost.com/news/tele-manas-mental-health-helpline-handles-over-196-lakh-calls-2022-prataprao-jadhav-390692",
        checkedOn: CHECKED_ON,
      },
    ],
  },
  {
    countryCode: "SG",
    countryName: "Singapore",
    // https://www.scdf.gov.sg/home/about-us/information-on-ems/scdf-emergency-medical-services (995 ambulance)
    emergencyNumber: "995",
    services: [
      {
        name: "Samaritans of Singapore (SOS)",
        description:
          "Confidential emotional support for people in crisis or thinking about suicide; CareText on WhatsApp 9151 1767.",
        phone: "1767",
        hours: "24/7",
        url: "https://www.sos.org.sg",
        sourceUrl:
          "https://www.channelnewsasia.com/singapore/suicide-whatsapp-service-caretext-samaritans-singapore-help-2929241",
        checkedOn: CHECKED_ON,
      },
    ],
  },
  {
    countryCode: "ZA",
    countryName: "South Africa",
    // https://statuscheck.co.za/?p=14569 (112 from any mobile, even without airtime; 10177 ambulance from landlines)
    emergencyNumber: "112",
    services: [
      {
        name: "SADAG 24-hour helpline",
        description:
          "Free counselling and referral from the South African Depression and Anxiety Group; SMS 31393 for a call back.",
        phone: "0800 456 789",
        sms: {
          number: "31393",
          instructions: "SMS 31393 and a counsellor will call you back",
        },
        hours: "24/7",
        url: "https://www.sadag.org",
        sourceUrl:
          "https://www.pressreader.com/south-africa/the-star-early-edition/20190212/281668256233737",
        checkedOn: CHECKED_ON,
      },
    ],
  },
  {
    countryCode: "BR",
    countryName: "Brazil",
    // https://prefeitura.sp.gov.br/web/saude/w/samu-192-como-usar-corretamente-e-evitar-sobrecarga-do-servi%C3%A7o (SAMU 192)
    emergencyNumber: "192",
    services: [
      {
        name: "CVV – Centro de Valorização da Vida",
        description:
          "Free, confidential emotional support and suicide prevention by volunteers; chat and email on the website.",
        phone: "188",
        chatUrl: "https://cvv.org.br",
        hours: "24/7",
        url: "https://cvv.org.br",
        sourceUrl:
          "https://redeglobo.globo.com/rj/tvriosul/Acontece/noticia/cvv-oferece-apoio-emocional-e-atua-na-prevencao-do-suicidio.ghtml",
        checkedOn: CHECKED_ON,
        languages: ["pt"],
      },
    ],
  },
  {
    countryCode: "MX",
    countryName: "Mexico",
    // https://sopitas.com/noticias/habemus-9-1-1-mexico-ya-numero-unico-emergencia (911 national emergency number)
    emergencyNumber: "911",
    services: [
      {
        name: "Línea de la Vida",
        description:
          "Free Ministry of Health line for mental health, suicidal thoughts and addictions.",
        phone: "800 911 2000",
        hours: "24/7",
        url: "https://www.eluniversal.com.mx/nacion/promueven-la-linea-de-la-vida-tras-presentar-encuesta-sobre-consumo-de-drogas-asi-puedes-pedir-ayuda/",
        sourceUrl:
          "https://www.eluniversal.com.mx/nacion/promueven-la-linea-de-la-vida-tras-presentar-encuesta-sobre-consumo-de-drogas-asi-puedes-pedir-ayuda/",
        checkedOn: CHECKED_ON,
        languages: ["es"],
      },
    ],
  },
  {
    countryCode: "AR",
    countryName: "Argentina",
    // http://emergencias911.mseg.gba.gov.ar/preguntas (911; in the City of Buenos Aires medical emergencies are 107)
    emergencyNumber: "911",
    services: [
      {
        name: "Línea de Salud Mental (Ministerio de Salud de la Nación)",
        description: "Free, anonymous national mental health line.",
        phone: "0800 999 0091",
        hours: "24/7",
        url: "https://www.argentina.gob.ar",
        sourceUrl:
          "https://lapostacomodorense.com.ar/2025/09/03/septiembre-mes-de-la-prevencion-del-suicidio-la-importancia-de-escuchar-acompanar-y-abrazar/",
        checkedOn: CHECKED_ON,
        languages: ["es"],
      },
    ],
  },
  {
    countryCode: "IL",
    countryName: "Israel",
    // https://mdauk.org/ministry-of-health-confirms-mda-as-israels-first-response-organisation/ (101 Magen David Adom)
    emergencyNumber: "101",
    services: [
      {
        name: "ERAN – Emotional First Aid",
        description:
          "Free, anonymous emotional first aid by phone, online chat and WhatsApp.",
        phone: "1201",
        hours: "24/7",
        url: "https://www.israel21c.org/mental-health-hotline-helps-israelis-cope-with-reform-crisis/",
        sourceUrl:
          "https://www.israel21c.org/mental-health-hotline-helps-israelis-cope-with-reform-crisis/",
        checkedOn: CHECKED_ON,
        languages: ["he", "ar", "en", "ru", "am", "fr", "es"],
      },
    ],
  },
  {
    countryCode: "PH",
    countryName: "Philippines",
    // https://philstar.com/the-freeman/cebu-news/2021/02/22/2079544/911-emergency-hotline-nationwide/amp (911 nationwide)
    emergencyNumber: "911",
    services: [
      {
        name: "NCMH Crisis Hotline",
        description:
          "National Center for Mental Health crisis line; also 0919 057 1553 and 0917 899 8727.",
        phone: "1553",
        hours: "24/7",
        url: "https://doh.gov.ph/press-release/launch-of-the-ncmh-crisis-hotline/",
        sourceUrl:
          "https://www.sunstar.com.ph/cebu/nearly-700-call-ncmh-during-the-holidays",
        checkedOn: CHECKED_ON,
      },
    ],
  },
  {
    countryCode: "HK",
    countryName: "Hong Kong",
    // https://csrp.hku.hk/getting-help/ ("call 999 to speak to the emergency services in Hong Kong")
    emergencyNumber: "999",
    services: [
      {
        name: "18111 – Mental Health Support Hotline",
        description:
          "Government-funded mental health support and referral line for people of all ages.",
        phone: "18111",
        hours: "24/7",
        url: "https://www.shallwetalk.hk/en/feature-topics/kick-off-ceremony-of-the-mental-health-support-hotline/",
        sourceUrl:
          "https://news.gov.hk/eng/2023/12/20231227/20231227_162155_701.html",
        checkedOn: CHECKED_ON,
      },
      {
        name: "The Samaritans Hong Kong",
        description:
          "Confidential emotional support for people in distress or with suicidal thoughts; email jo@samaritans.org.hk.",
        phone: "2896 0000",
        hours: "24/7",
        url: "https://samaritans.org.hk",
        sourceUrl: "https://csrp.hku.hk/getting-help/",
        checkedOn: CHECKED_ON,
        languages: ["en", "yue", "cmn"],
      },
      {
        name: "The Samaritan Befrienders Hong Kong",
        description:
          "Emotional support hotline for people who are distressed, hopeless or suicidal; English line 2389 2223.",
        phone: "2389 2222",
        hours: "24/7",
        url: "https://www.sbhk.org.hk",
        sourceUrl: "https://csrp.hku.hk/getting-help/",
        checkedOn: CHECKED_ON,
        languages: ["yue", "en"],
      },
    ],
  },
];

/**
 * Fallback for members whose country is not listed above.
 * Find A Helpline (findahelpline.com) and IASP's crisis-centre list could not be
 * confirmed from the stored sources, so only Befrienders Worldwide is listed.
 */
export const internationalDirectory: InternationalDirectory = {
  emergencyNote:
    "Emergency numbers are local: if you are in immediate danger, call the emergency number of the country you are in now (for example 112 in Europe, 911 in North America, 999 in the UK).",
  directories: [
    {
      name: "Befrienders Worldwide",
      description:
        "Global network of emotional support centres; its website lists helplines by country.",
      url: "https://www.befrienders.org",
      sourceUrl: "https://www.befrienders.org/what-we-do",
      checkedOn: CHECKED_ON,
    },
  ],
};
