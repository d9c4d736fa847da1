import type { CountryDirectory } from "../../../../shared/hotlines.js";
import { CHECKED_ON } from "./checked-on.js";

/** Crisis lines in the Americas. Sources and conventions: see directory-data.ts. */
export const AMERICAS: CountryDirectory[] = [
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
        sms: { number: "988" },
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
        sms: { number: "988" },
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
];
