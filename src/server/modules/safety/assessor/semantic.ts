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
  | 'help';

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

/** Class tokens of a NORMALISED text: "c:means", "s:means+time" (same sentence), "last:death". */
export function semanticTokens(text: string): string[] {
  const tokens = new Set<string>();
  let sentenceMask = 0;
  let lastMask = 0;
  let wordStart = -1;
  const flushSentence = (): void => {
    if (sentenceMask !== 0) lastMask = sentenceMask;
    for (let a = 0; a < CLASS_COUNT; a++) {
      if ((sentenceMask & (1 << a)) === 0) continue;
      tokens.add(`c:${CLASS_NAMES[a]}`);
      for (let b = a + 1; b < CLASS_COUNT; b++)
        if ((sentenceMask & (1 << b)) !== 0) tokens.add(`s:${CLASS_NAMES[a]}+${CLASS_NAMES[b]}`);
    }
    sentenceMask = 0;
  };
  const flushWord = (end: number): void => {
    if (wordStart < 0) return;
    const cls = CLASS_OF.get(text.slice(wordStart, end));
    if (cls !== undefined) sentenceMask |= 1 << (CLASS_INDEX.get(cls) ?? 0);
    wordStart = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Letters, digits and apostrophes ("don't" is listed with and without).
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39) {
      if (wordStart < 0) wordStart = i;
    } else {
      flushWord(i);
      if (c === 46 || c === 33 || c === 63 || c === 10) flushSentence();
    }
  }
  flushWord(text.length);
  flushSentence();
  for (let a = 0; a < CLASS_COUNT; a++) if ((lastMask & (1 << a)) !== 0) tokens.add(`last:${CLASS_NAMES[a]}`);
  return [...tokens];
}
