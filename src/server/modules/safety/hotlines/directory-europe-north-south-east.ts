import type { CountryDirectory } from "../../../../shared/hotlines.js";
import { CHECKED_ON } from "./checked-on.js";

/** Crisis lines in northern, southern and eastern Europe. Sources and conventions: see directory-data.ts. */
// "EU 112" below: the single European emergency number works in every EU member state,
// https://www.digitalhealth.net/2008/12/pan-european-112-emergency-number-a-reality/
export const EUROPE_NORTH_SOUTH_EAST: CountryDirectory[] = [
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
];
