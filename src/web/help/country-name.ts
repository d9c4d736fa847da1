// Country names that take "the" in an English sentence ("in the United Kingdom").
const TAKES_THE =
  /^(United |Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Seychelles|Czech Republic|Dominican Republic|Central African Republic|Congo - |Democratic Republic|Republic of|Solomon Islands|Marshall Islands|Cayman Islands|Falkland Islands|Faroe Islands|Cook Islands|British Virgin Islands|U\.S\. Virgin Islands|Vatican)/;

/** "United Kingdom" → "the United Kingdom"; "Canada" → "Canada". */
export function countryInSentence(name: string): string {
  return TAKES_THE.test(name) ? `the ${name}` : name;
}
