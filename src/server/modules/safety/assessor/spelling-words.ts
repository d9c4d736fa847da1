/**
 * The word lists of the assessor's spelling pass (spelling.ts).
 *
 * People write worst when they feel worst: "i rly wnat to di e", "cnt stop
 * thnking bout endin it". The rules and the model are written for the plain
 * words, so a few risk words are restored before they read the text.
 */

/**
 * Shorthand and misspellings of risk words, read as the word. No key is an English
 * word in its own right ("dye", "kiln"), except the few that
 * scripts/risk/spelling-guard.ts lists as deliberate, with the reason.
 */
export const SHORTHAND: ReadonlyMap<string, string> = new Map([
  // want
  ['wnat', 'want'],
  ['wnt', 'want'],
  ['wamt', 'want'],
  ['whant', 'want'],
  ['wnated', 'wanted'],
  ['wana', 'wanna'],
  ['wnna', 'wanna'],
  ['wanan', 'wanna'],
  // going to
  ['gunna', 'gonna'],
  ['gna', 'gonna'],
  ['gnna', 'gonna'],
  ['finna', 'gonna'],
  // kill, die, dead, life
  ['kil', 'kill'],
  ['kll', 'kill'],
  ['kilk', 'kill'],
  ['klll', 'kill'],
  ['kiled', 'killed'],
  ['ded', 'dead'],
  ['lyf', 'life'],
  ['lyfe', 'life'],
  ['lif', 'life'],
  ['dyin', 'dying'],
  ['diein', 'dying'],
  // myself
  ['meself', 'myself'],
  ['mself', 'myself'],
  ['myslf', 'myself'],
  ['mysefl', 'myself'],
  ['myselfe', 'myself'],
  // end, stop, can't, don't
  ['endin', 'ending'],
  ['endng', 'ending'],
  ['edning', 'ending'],
  ['cnt', 'cant'],
  ['carnt', 'cant'],
  ['dnt', 'dont'],
  ['dotn', 'dont'],
  ['stopp', 'stop'],
  // think, about, anymore, everything, nothing
  ['thnk', 'think'],
  ['thnking', 'thinking'],
  ['thinkin', 'thinking'],
  ['thnkin', 'thinking'],
  ['thnkng', 'thinking'],
  ['bout', 'about'],
  ['abt', 'about'],
  ['nemore', 'anymore'],
  ['anymor', 'anymore'],
  ['anymre', 'anymore'],
  ['evrything', 'everything'],
  ['everythin', 'everything'],
  ['evrythin', 'everything'],
  ['evrythng', 'everything'],
  ['nothin', 'nothing'],
  ['nuthin', 'nothing'],
  ['nthng', 'nothing'],
  ['evryone', 'everyone'],
  ['noone', 'nobody'],
  // really, please, tonight, tomorrow
  ['rly', 'really'],
  ['rlly', 'really'],
  ['realy', 'really'],
  ['plz', 'please'],
  ['pls', 'please'],
  ['tonite', 'tonight'],
  ['tnight', 'tonight'],
  ['tonigt', 'tonight'],
  ['tonihgt', 'tonight'],
  ['tmrw', 'tomorrow'],
  ['tmr', 'tomorrow'],
  ['tmrrw', 'tomorrow'],
  ['tmoro', 'tomorrow'],
  ['tomoz', 'tomorrow'],
  ['tomorow', 'tomorrow'],
  ['tommorow', 'tomorrow'],
  ['tommorrow', 'tomorrow'],
  // hurt, cut, harm, help
  ['hurtin', 'hurting'],
  ['cuttin', 'cutting'],
  ['hlp', 'help'],
  // suicide
  ['sucide', 'suicide'],
  ['suicde', 'suicide'],
  ['suiside', 'suicide'],
  ['sucidal', 'suicidal'],
  ['suisidal', 'suicidal'],
  ['suicdal', 'suicidal'],
]);

/**
 * Long risk words restored from one slip of the keyboard (a letter missed,
 * doubled, swapped or mistyped: "myslef", "suicdie", "overdoes"). Short words
 * are left to SHORTHAND: one edit from "die" or "kill" is too often another
 * word ("did", "dies", "bill", "kilt").
 */
export const LONG_RISK_WORDS: readonly string[] = [
  'suicide',
  'suicidal',
  'myself',
  'thinking',
  'thoughts',
  'everything',
  'anymore',
  'tonight',
  'tomorrow',
  'overdose',
  'goodbye',
  'killing',
  'nothing',
  'everyone',
  'anything',
  'cutting',
  'hurting',
  'hanging',
  'jumping',
  'harming',
  'selfharm',
  'worthless',
  'hopeless',
  'pointless',
  'swallowed',
  'tablets',
  'forever',
  'unalive',
  'really',
  'please',
];
