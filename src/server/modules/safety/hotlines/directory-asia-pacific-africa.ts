import type { CountryDirectory } from "../../../../shared/hotlines.js";
import { CHECKED_ON } from "./checked-on.js";

/** Crisis lines in Asia, the Pacific, Africa and the Middle East. Sources and conventions: see directory-data.ts. */
export const ASIA_PACIFIC_AFRICA: CountryDirectory[] = [
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
        sms: { number: "0477 13 11 14" },
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
        sms: { number: "1737" },
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
