import type { CountryDirectory } from "../../../../shared/hotlines.js";
import { CHECKED_ON } from "./checked-on.js";

/** Crisis lines in western Europe. Sources and conventions: see directory-data.ts. */
// "EU 112" below: the single European emergency number works in every EU member state,
// https://www.digitalhealth.net/2008/12/pan-european-112-emergency-number-a-reality/
export const EUROPE_WEST: CountryDirectory[] = [
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
];
