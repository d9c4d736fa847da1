/**
 * The phrase lists behind context.ts: what negation, tense, hypotheticals,
 * quotes and fiction, helper talk, figurative speech, lookalikes and cover
 * stories look like in NORMALISED text (normalise.ts). Data only; how each is
 * applied to a rule hit, and why, is in context.ts.
 */
export const NEGATION_RE =
  /\b(?:not|never|no|zero|no intention of|no longer|don'?t|dont|do not|doesn'?t|didn'?t|didnt|won'?t|wont|wouldn'?t|wouldnt|isn'?t|aren'?t|wasn'?t|haven'?t|havent|hasn'?t|nor|no way|nothing like|without)\b/g;
export const PSEUDO_NEGATION_RE =
  /^(?:no (?:one|idea|matter|reason|point|way out|hope|future)\b|not|don'?t|dont|do not|didn'?t) (?:sure|know|just|only|even sure|care|understand|remember|get|think it'?s|mean to)\b|^never (?:mind|thought|knew|expected|imagined)\b|^won'?t stop\b|^can'?t stop\b|^(?:not|won'?t|wont|will not) (?:gonna |going to )?(?:lie|lying|kid|kidding|joke|joking|exaggerat\w*)\b|^no (?:lie|joke|cap)\b/;
/** Negated words that are themselves a farewell cue, not a denial: "won't be around", "won't need it". */
export const FAREWELL_NEGATION_RE =
  /^(?:won'?t|wont|will not|not|don'?t|dont|do not) (?:be (?:here|around|back|needing)|see me|need (?:it|them|this|that|my|any))\b/;
/**
 * A negation reaches across at most five words and never into a new clause
 * with its own connective or subject: "I don't want help, I just want to die",
 * "it didn't work last night so I'm doing it properly". It carries on when the
 * word after it introduces what is denied: a verb of thinking or saying ("I
 * don't think I want to die", "I never said I want to die"), or "no way I'd",
 * "not once have I", "not that I", "not because I".
 */
export const NEGATION_CONNECTIVE_RE = /\b(?:so|because|cos|cuz|coz|then|and now|but)\b/;
export const NEGATION_CARRIES_RE =
  /^(?:think|thought|believe|feel|felt|reckon|know|knew|mean|meant|say|saying|said|says|expect|see|saw|that|like|as if|because|cos|cause|way|chance|once|would|could|did|do|does|have|has|had|will|ever|even|really|actually|i|i'?m|im|i'?d|i'?ll|i'?ve|ive)\b/;
export const NEW_SUBJECT_RE = /(?:^|\s)(?:i|i'?m|im|i'?ve|ive|i'?ll|i'?d)\b/;
/** The writer says a general question is about themselves. */
export const SELF_DISCLOSURE_RE =
  /\b(?:asking for (?:me|myself|a friend \(?me\)?)|(?:because|cause|cos|coz) (?:that'?s|thats) (?:where i am|me)|that'?s (?:where i am|me rn|me right now)|(?:it'?s|this is) me (?:i'?m asking|rn|right now)|i'?m asking for me)\b/;
/** The writer insists the words are meant: a figurative reading no longer applies. */
export const SERIOUS_RE =
  /\b(?:not (?:joking|kidding|exaggerating|meme dead|a meme|(?:as )?a joke)|no joke|i mean it|i'?m not messing|dead serious|literally planning)\b/;
export const PAST_RE =
  /\b(?:used to|years? ago|(?:a )?long time ago|anniversary of\b|years? (?:out|since|on from|later)|(?:in|through|for|during)(?: most of)? my (?:teens|twenties|thirties|a-?levels|gcses|degree|first year)|i stopped|stopped at|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+|few|many|several|couple of) (?:years?|yrs?) (?:ago|back|clean|free|since|now)|when i was (?:a |younger|little|\d+|in |at |still|growing|a teen)|as a (?:kid|teen|teenager|child)|at (?:age )?1\d\b(?! ?(?:am|pm|:|o'?clock))|at age \d+|back (?:then|in|when)|(?:\d+|a few|few|two|three|four|five|six|nine|twelve|eighteen|many|several) (?:months?|weeks?) (?:since|clean|free|without)|since i last|(?:of|during) (?:19\d\d|20[01]\d|202[0-5])|in (?:high school|secondary school|sixth form|my teens|my twenties|my early|20[01]\d|19\d\d)|i'?m \d{2} now|(?:since|in) (?:19|20)\d\d|(?:recovered|no longer|grown out of|got through it|got better|got help)|years? clean)\b/;
export const RECENT_RE =
  /\b(?:last night|yesterday|(?<!ago )today|(?<!ago )tonight|this (?:morning|afternoon|evening|week|weekend)|just now|again|right now|lately|recently|at the moment|currently|still|(?:this|last) week|(?:\d+|a few|two|three|couple(?: of)?|an?) (?:hours?|minutes?|nights?|days?) ago|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b/;
export const ACUTE_RE =
  /\b(?:just now|an? (?:hour|few minutes) ago|(?:\d+|a few|two|twenty|ten|thirty) minutes ago|(?<!ago )tonight|right now|earlier today|earlier|just (?:took|taken|did|swallowed|tried)|i just|this morning|(?<!ago )today)\b/;
export const REPORTED_QUESTION_RE =
  /\b(?:asked (?:me )?(?:if|whether)|wanted to know (?:if|whether)|screening questions?)\b/;
export const PRESENT_RE = /\b(?:am|i'm|im|is|are|keep|keeps|now|currently|still|want|wants|think|feel|can't|cant)\b/;
export const HYPOTHETICAL_RE =
  /\b(?:what if|is it (?:normal|ok|okay|bad|weird|wrong|common|possible|true|selfish)|hypothetically|how do (?:people|you) (?:know|tell|cope|deal|help|support|talk|respond|handle)|would it be|do people|why do people|can someone explain|in general|statistically|what (?:counts|does it mean)|what should (?:you|one)|how (?:common|often))\b/;
export const HELPER_RE =
  /\b(?:if you(?:'re| are|'ve| have| ever| feel| ever feel)?|if (?:anyone|someone|somebody)|anyone (?:who|that)|for (?:anyone|those|people) (?:who|that|struggling)|please (?:call|text|reach out|talk|tell|contact)|you(?:'re| are) not alone|reach out|(?:call|text|ring|contact) (?:988|999|911|112|111|116 ?123|samaritans|shout|a crisis|the crisis|a hotline|lifeline|someone)|crisis (?:line|team|text)|hotline|helpline|lifeline|samaritans)\b/;
export const FICTION_RE =
  /\b(?:lyrics?|song|sings?|sang|singing|chorus|the line|quote|quoting|poem|poetry|in the (?:book|film|movie|show|novel|game|episode|series|play)|my (?:character|oc|protagonist|novel|story|book|script|fic|fanfic|screenplay)|the (?:character|protagonist|narrator|villain)|in my (?:story|novel|fic|book|script|writing)|fanfic|fan fiction|fiction|chapter|(?:writing|wrote|reading|read|watched|watching) (?:a|the|this) (?:story|scene|book|novel|film|movie|show|episode)|album|hamlet)\b/;
export const HUMOUR_RE = /\b(?:lol+|lmao+|lmfao+|haha\w*|hehe\w*|rofl|jk|jkjk|skull|xd|ded)\b/;
export const MUNDANE_RE =
  /\b(?:homework|mock|excel|wedding|speeches|alarm|essay|due|forgot|boss fight|level|final boss|exams?|tests?|quiz|class|lectures?|assignments?|essays?|deadlines?|revision|maths?|chem|physics|traffic|meetings?|mondays?|commute|queue|weather|heat|hangover|cringe|embarrass\w*|awkward|printer|wifi|spreadsheet|emails?|zoom|team(?:s)?|match|game|episode|finale|spoilers?|tiktok|minecraft|fortnite|roblox|gta|song|boss|shift|overtime|dishes|laundry|mother ?in ?law|group chat|presentation|interview)\b/;
export const CONDITIONAL_HYPERBOLE_RE =
  /\bif (?:i have to|i hear|i see|i get|i lose|this|that|one more|another|they|he|she|my|we)\b/;
export const LOOKALIKE_HARM_RE =
  /\b(?:by accident|accidentally|shaving|chopping|cooking|baking|on (?:a|the) (?:tin|can|knife|nail|corner|door|table|desk|oven|hob|tray|glass|stairs|fence)|paper ?cut|oven|tray|at the gym|gym|lifting|skating|tripped|fell|football|rugby|derby|climbing|hiking|bike|skiing|surgery|tattoo|piercing|workout|training|sparring|boxing)\b/;
export const LOOKALIKE_PILLS_RE =
  /\b(?:flu|cold|tissues|bugs|woodlice|project|blister packs|returning|for the week|weekly|organi[sz]er|dosette|pharmacy|prescription|refill|vitamins|chemist|as prescribed|with breakfast|with food|headache|hangover|cramps|period pain|vitamin\w*|multivitamins?|supplements?|fish oil|magnesium|zinc|probiotics?|antibiotics?|hay ?fever|migraines?|(?:gp|doctor|dr|psychiatrist|consultant|nurse|dentist|pharmacist) (?:\w+ ){0,2}(?:prescribed|gave me|put me on|started me on|upped)|prescribed (?:them|me|it|those|these))\b/;
/** "Took a handful: fish oil, magnesium": the thing swallowed is named, and it is a supplement. */
export const SUPPLEMENT_NAMED_RE =
  /^[^.!?\n]{0,40}?\b(?:vitamin\w*|multivitamins?|supplements?|fish oil|magnesium|zinc|probiotics?|cod liver oil|gummies)\b/;
export const LOOKALIKE_FAREWELL_RE =
  /\b(?:away (?:for|on|until|till)|i'?m away|summer|interrail\w*|high board|diving board|board|flagged|charity|donat\w+|clear(?:ing)? out|decluttering|travel\w*|moving(?! on\b| to a better)|move (?:in|out|house|to)|off to|new (?:job|flat|house|server|group|chapter|account)|holiday|trip|visa|retir\w+|detox|see (?:you|y'?all)|will (?:try to )?post|back (?:in|on|next|soon)|for a (?:while|bit|year|week)|exams?|revision|phone to my|old (?:flat|car|house)|scrapyard|camping|students|neighbour about|work tomorrow|promotion|graduat\w+|lent|easter|christmas|wedding|marathon|gig|concert|game|match|party|telling him|move in together|propos\w+|married|engaged|the move\b|happy (?:one|ending|news)|good news|ask(?:ing)? (?:him|her) out|jump(?:ed)? in|diving|swim\w*|the relationship|break up|dump)\b/;
/**
 * The writer says the harmless reading is a cover story ("told her im going
 * travelling. im not going travelling", "she thinks im decluttering", "told
 * everyone i fell off my bike"): giving things away under a pretext is itself
 * a warning sign, so the lookalike reading no longer applies.
 */
export const COVER_STORY_RE =
  /\b(?:(?:i'?m|im|i am) not (?:really |actually )?(?:going (?:travelling|traveling|camping|away|abroad)|travelling|traveling|moving(?! on)|decluttering|camping)\b|(?:it'?s|its|it is|it was) not (?:really |actually )?(?:camping|for (?:the|a) (?:week|while|bit|weekend)|a holiday|a trip|a clear ?out)|(?:it )?(?:isn'?t|wasn'?t) (?:really |actually )?(?:camping|for (?:the|a) (?:week|while|bit|weekend)|a holiday|a trip)|not for a holiday|(?:it'?s|its|it is) not (?:really |actually )?for (?:a|my) (?:story|project|essay|book|class)|\b(?:for (?:a|the) (?:week|while|bit|weekend|night)|just for (?:now|a bit|a while))\b[^?]{0,80}?[.!\n] *(?:it|that) (?:isn'?t|is not|wasn'?t|was not)(?: really)?(?=[ \t]*(?:[.!?\n]|$))|(?:she|he|they|everyone|my \w+) (?:thinks?|thought) (?:i'?m|im|it'?s|its|i was) (?:just )?(?:decluttering|having a clear ?out|clearing out|going camping|going travelling|on holiday)|told (?:\w+ ){0,4}i (?:fell|tripped|walked into|slipped)\b)/;
/** Danger now: "he'll kill me if I don't open it" is no idiom while he is banging on the door. */
export const DANGER_NOW_RE =
  /\b(?:right now|banging|outside (?:my|the) (?:door|room|house|flat)|locked (?:myself|us|the door)|hiding|knife|gun|kicking (?:the|my) door)\b/;
/**
 * A wish to be dead that is constant or growing ("every day I think about not
 * being here", "it's getting more real") is active ideation, Columbia 2, not a
 * passing wish (GUIDE.md: "I think about ending it every day" is high).
 */
export const PERSISTENT_RE =
  /\b(?:every (?:single )?(?:day|night|morning|hour)|most (?:days|nights|mornings)|all the time|constantly|non-?stop|24\/7|(?:for|since) (?:weeks|months|ages|a year)|(?:it'?s|its) been (?:weeks|months)(?! since)|more and more|(?:it'?s|its|they'?re|thoughts? (?:are|is)) getting (?:more real|worse|stronger|louder|harder to ignore)|getting (?:more real|stronger|louder|harder to ignore)|can'?t stop thinking|every waking)\b/;
/** "…for weeks after the breakup, but I'm fine now": the constant wish is over. */
export const BETTER_NOW_RE =
  /\b(?:(?:fine|better|ok|okay|good|well) now|(?:but|and) (?:i'?m|im) (?:fine|ok|okay|better|well)\b|much better)\b/;
/** A next sentence that goes on about the same thought ("It's been months."), not a new topic. */
export const CONTINUES_RE =
  /^\s*(?:and |but )?(?:it'?s|its|it has|this has|they'?ve|every|for (?:weeks|months)|most (?:days|nights))\b/;
/** "I'm not going to hurt myself tonight. Tomorrow I can't promise": the denial is taken back. */
export const DENIAL_WITHDRAWN_RE =
  /\b(?:(?:can'?t|cannot|cant|won'?t) promise|no promises|not sure (?:i can|how long i can))(?: (?:anything|that|tomorrow|after|later))?(?=\s*(?:[.!?\n,]|$))/;
export const POST_NEGATION_RE =
  /^[^.!?\n,]{0,20}\b(?:(?:has|have) never crossed my mind|is not (?:something|an option)|isn'?t (?:something|an option)|not happening|off the table)\b/;
export const FIRST_PERSON_RE = /\b(?:i|i'?m|im|i'?ve|ive|me|my|myself)\b/;
export const DESIRE_BEFORE_RE =
  /\b(?:want(?:ed|s)? to|wanna|wanting to|urges? to|need to|tempted to|going to|gonna|will|i'?ll|might|could|would|about to|thinking (?:about|of)|thought (?:about|of)|trying not to|try not to|not to|feel like|close to|scared i'?ll|afraid i'?ll)\s+(?:\w+\s+)?$/;
export const PAST_VERB_RE = /\b(?:\w+ed|was|were|thought|tried|took|had|felt|did|used|burnt|bit)\b/;
export const SUBJECT_RE =
  /\b(?:(?<other>(?:my|our|a|his|her|their|one of my) (?:friends?|best friend|bestie|sister|brother|mum|mom|mother|dad|father|son|daughter|partner|boyfriend|girlfriend|bf|gf|husband|wife|cousin|roommate|flatmate|housemate|students?|colleague|coworker|kids?|child|teen|niece|nephew|grandma|grandad|nan|uncle|aunt|ex|fiancee?|mate|client|patient)|he|she|they|he's|she's|they're|hes|shes|theyre|he'll|she'll|they'll|theyll|he'd|she'd|him|them)|(?<self>i|i'm|im|i've|ive|i'd|i'll|me|myself|we|we're|us)|(?<you>you|you'?re|youre|u|ur|yourself|urself)|(?<generic>anyone|someone|somebody|people|a person|nobody|no one))\b/g;

export const WRITER_IN_HIT_RE = /\b(?:i|i'?m|im|i'?ll|i'?ve|ive|i'?d|me)\b/;
export const REPORTED_SPEECH_RE =
  /\b(?:said|says|say|saying|told|tells|texted|messaged|wrote|writes|asked|posted|keeps? saying)\b/;
/** Research for schoolwork is a lookalike of method research ("how high are the cliffs, for my geography project"). */
export const SCHOOLWORK_RE =
  /\bfor (?:a|my|our|the) (?:\w+ ){0,2}(?:project|essay|homework|assignment|coursework|dissertation|presentation|module|class|lesson|podcast|article)\b/;

/**
 * "Die" is intransitive: followed by an object (a determiner or possessive and
 * a noun that is not a time or a manner, or "it"/"them" and a colour) it is
 * "dye" ("want to die my hair pink", "die the curtains", "die it purple"). A
 * time or manner after it is still the wish ("die this weekend", "die the same
 * way", "die my own way"), and so is a run-on sentence ("want to die my family
 * would be better off"). Tested on the text right after a hit ending in "die".
 */
export const DYE_OBJECT_RE =
  /^ (?:(?:my|your|his|her|their|our|the|this|that|these|those|all my|some of my) (?!(?:same|own|whole|next|last|first|way|ways|death|time|day|days|night|nights|week|weekend|month|year|morning|evening|afternoon|moment|minute|second|hour|summer|winter|spring|autumn|fall|christmas|holidays?|birthday|end|rest|monday|tuesday|wednesday|thursday|friday|saturday|sunday|instant|exact|slow|painful|quick|happy|peaceful|very|life|worst|best|most|more|least|hardest|easiest|quickest|quietest|fastest|bad|badly|much|hard|often|young|soon|early|quickly|quietly|painlessly|alone|already|too|really|kind|sort|second|mum|mom|dad|parents?|family|kids?|children|friends?|husband|wife|partner|boyfriend|girlfriend|bf|gf|ex|brother|sister|son|daughter|baby|boss|life|head|brain|mind|heart|body|soul|self|thoughts|feelings|problems|pain)\b)[a-z]{2,}(?! (?:would|will|won'?t|wont|is|isn'?t|are|aren'?t|was|wasn'?t|were|has|have|had|does|doesn'?t|don'?t|did|didn'?t|can|can'?t|could|couldn'?t|should|might|never|always|just|hates?|hated|thinks?|said|says|left|leaves|died|deserves?|needs?|wants?|keeps?|wouldn'?t|i|i'?m|im)\b)|(?:it|them) (?:\w+ )?(?:pink|purple|blue|black|red|green|blonde?|brown|ginger|silver|grey|gray|white|orange|yellow|teal|lilac|again|back|darker|lighter|colou?rs?)\b)/;
/**
 * Risk words put in someone else's question or belief about the writer ("people
 * keep asking if I'm suicidal", "everyone thinks I want to die", "my mum is
 * worried that I'm…") or disowned by the writer ("I never said I…"). Tested on
 * the hit's sentence before the hit: the attribution introduces the writer in
 * the hit's own clause (not "everyone thinks I'm happy but I want to die").
 */
export const ATTRIBUTED_BEFORE_RE =
  /(?:\b(?:people|ppl|everyone|everybody|they|he|she|someone|somebody|friends|family|teachers?|mum|mom|dad|my \w+|the (?:doctor|gp|nurse|teacher|therapist|counsell?or|school))(?:(?:'s|'re|s) (?:so |really |all )?(?:worried|scared|convinced|afraid|concerned|sure)|(?: \w+){0,2}? (?:ask(?:s|ed|ing)?|askin|wonder(?:s|ed|ing)?|think(?:s|ing)?|thinkin|thought|assum(?:e|es|ed|ing)|(?:is|are|was|were|get|gets|got|seem|seems) (?:so |really |all )?(?:worried|scared|convinced|afraid|concerned|sure)|worr(?:y|ies|ied)|reckons?|believes?|believed|suspects?|suspected|(?:keep|keeps|kept) (?:saying|asking)|said|says|told me|are convinced|is convinced))|\b(?:never said|never says|didn'?t say|did not say|never meant|(?:am|i'?m|im) not saying))(?: me)?(?: (?:if|whether|that))? (?:i|i'?m|im|i am|i was|i'?d|i'?ll|i'?ve)\b(?:(?! but | and | though )[^.!?\n,;])*$/;
/**
 * The writer's answer to an attribution (ATTRIBUTED_BEFORE_RE): a denial at the
 * start of a clause after the hit or of the next sentence ("I'm not", "I don't",
 * "no"). "I'm not sure", "I don't know" are no denial.
 */
export const DENIAL_START_RE =
  /^\s*(?:(?:honestly|really|actually|tbh|well|obviously|seriously|but|and|which|lol)\s*,?\s+)*(?:(?:i'?m|im|i am)(?: (?:really|honestly|actually|just|definitely|absolutely|so|seriously))? not\b(?! (?:sure|ok|okay|fine|coping|safe|doing|well|good|lying|joking|kidding|exaggerating|allowed|able|going to lie|gonna lie))|i(?: (?:really|honestly|actually|just|definitely))? (?:don'?t|dont|do not|didn'?t|did not)(?=\s*(?:[.!?\n,;—-]|$|(?:want to|wanna) (?:die|be dead|kill myself|end it)\b|(?:and|but|i'?m|im|i|just|lol)\b))|(?:no|nope|nah)(?=\s*(?:[.!?\n,;—-]|$|(?:i'?m|im|i am|i|just|not)\b))|not at all|of course not|absolutely not)/;
/** The answer to words the writer disowns (DISOWNED_RE): "I never said I…, I said I'm tired". */
export const DISOWNED_ANSWER_RE = /^\s*(?:but )?(?:i )?(?:just |only )?(?:said|meant)\b/;
/** Clause breaks inside the rest of a sentence, for DENIAL_START_RE. */
export const DENIAL_CLAUSE_SPLIT_RE = /[,;:]|\s(?:but|and|though)\s/;
/**
 * Past-tense framing of a crisis in the hit's clause ("when I was suicidal",
 * "back when I wanted to die", "last year", "I used to be"): with a present
 * recovery statement (RECOVERY_NOW_RE) the risk is past.
 */
export const PAST_FRAME_RE =
  /\b(?:when i (?:was|wanted|felt|tried|thought)|back when|last (?:year|summer|winter|spring|autumn|christmas)|i used to(?: be)?|used to be|(?:a|one|two|three|four|five|\d+|a few|few|couple of) (?:years?|months?) ago|at my (?:worst|lowest)|(?:in|during|through) (?:my|that|the) (?:worst|darkest|dark|lowest) (?:time|times|days|period|patch|year|months)|in (?:19|20)\d\d)\b/;
/** A present recovery statement: "I'm doing so much better now", "I'm safe", "in a good place". */
export const RECOVERY_NOW_RE =
  /\b(?:(?:i'?m|im|i am)(?: (?:now|finally|actually|genuinely|honestly|so))? (?:doing )?(?:(?:so|much|a lot|loads|way|really|heaps|far) )*(?:better|safe|stable|thriving|happy|(?:really |so |very )?well|in a (?:good|better|much better|great|safe) place|in recovery|on the mend|through it|out of it)\b|(?<!(?:was|were) )doing (?:(?:so|much|a lot|loads|way|really|far) )*(?:better|well)|(?:in|at) a (?:good|better|much better|great) place now|(?:glad|happy) (?:i'?m|to be) (?:still )?(?:here|alive)|(?:so much |much )?better now|life is (?:good|better) now)/;
/** The crisis came back: no longer past ("again", "creeping back", "lately"). */
export const RELAPSE_RE =
  /\b(?:again|still|(?:come|comes|coming|came|creeping|creeps) back|(?:it'?s|its|they'?re|it is) back|lately|(?:but|and) now|recently|relaps\w*|slipping|(?:i'?m|im) (?:not|no longer) (?:ok|okay|fine|better|safe))\b/;
/**
 * Letters that are not farewells: a therapy exercise, to one's younger or
 * future self, to a late parent, a cover letter, a complaint.
 */
export const LOOKALIKE_LETTER_RE =
  /\b(?:(?:letters?|notes?) to (?:my )?(?:(?:younger|older|future|past|teenage|teen|inner|\d+[- ]?(?:year|yr)[- ]?old|little|present) ?(?:self|me|child)|(?:my )?late \w+|(?:my )?(?:dad|mum|mom|father|mother|nan|gran|grandma|grandad|grandpa|brother|sister|friend|husband|wife|son|daughter|baby) who (?:died|passed|is gone|we lost)|the (?:council|landlord|editor|company|school|ombudsman|hospital|manager|paper|bank|airline|housing)|my (?:mp|landlord|council|bank|manager|employer|local paper)|santa)|letters? of (?:complaint|resignation|application|recommendation|reference|appeal|objection|intent|support)|(?:cover|covering|complaint|complaints|resignation|application|motivation|appeal|love|reference|recommendation|acceptance|offer|gratitude|forgiveness|pen ?pal) letters?|(?:therapist|counsell?or|psychologist|grief (?:group|counsell?or|worker)|therapy|support group) (?:\w+ ){0,4}(?:write|writing|wrote|letter|exercise|homework)|(?:therapy|grief|cbt|dbt|counselling|counseling) (?:exercise|homework|task|assignment))\b/;
/**
 * A place of risk in leisure or ordinary context ("on the bridge taking sunset
 * photos", "edge of the cliff with a flask of tea, best hike ever").
 */
export const LEISURE_RE =
  /\b(?:(?:taking|take|took|snapping|getting|got) (?:some |a few |the |loads of )?(?:\w+ )?(?:photos?|pictures?|pics|selfies?)|photograph\w*|camera|sunset|sunrise|views?|scenery|hik(?:e|es|ing|ed)|walk(?:ing)? the dog|dog walk|picnic|flask|cuppa|sandwich\w*|ice cream|fishing|birdwatching|bird watching|fireworks|regatta|parade|festival|tourists?|sightseeing|climbing|bouldering|abseil\w*|kayak\w*|cycling|bike ride|trail|what a view|gorgeous|stunning|best (?:\w+ )?ever|day out|rowing|boat race|eating|chips|lunch|with (?:my|the) (?:kids|family|friends|mates|partner|boyfriend|girlfriend|dog|wife|husband)|waiting for (?:the|my) (?:\S+ )?(?:train|bus|tram)|commut\w*|(?:train|bus) (?:is |'?s )?(?:late|delayed|cancelled))\b/;
/** Words of real risk that keep a place a place of risk whatever the leisure around it. */
export const PLACE_RISK_RE =
  /\b(?:last|final|one more time|goodbye|bye|never|nobody|no one|won'?t|forever|jump\w*|end it|ending it|miss me|gone|anymore|any more|pills|rope|can'?t (?:do|take|go on|keep)|no point|sorry|sign|step off|let go|over the edge|the drop|fall|easy|so high|how high|how far|the height|cold water|the water below|nobody around)\b/;
/** The hit names a place where people go to die (the place rules' words). */
export const PLACE_WORD_RE =
  /\b(?:bridge|cliffs?|edge|ledge|roof|rooftop|platform|tracks|railway|river|car park|multi-?storey|balcony|overpass|quarry|harbou?r|pier|viaduct|railing)\b/;
/**
 * Ending a relationship, not a life: "end it (all) with him", "ending things
 * with my boyfriend".
 */
export const RELATIONSHIP_END_RE =
  /\b(?:end|ending|ended|finish|finishing) (?:it|things|everything)(?: all)? with (?:him|her|them|my (?:\w+ )?(?:bf|gf|boyfriend|girlfriend|partner|husband|wife|fianc[eé]e?|ex|man|missus|lass|lad|situationship|boo))\b(?! (?:gone|dead|away|not here|out of|leaving|left|watching|there))/;
/**
 * Words of death, means in quantity or intent near an everyday explanation (a
 * letter, a prescription, a move, photos, a break-up): the explanation no
 * longer makes the text harmless ("the GP prescribed them, now I have enough to
 * end it", "a letter to my future self that will never be opened").
 */
export const LOOKALIKE_GUARD_RE =
  /\b(?:enough|all of (?:them|it)|the (?:whole )?lot|overdos\w*|od|die|dying|dead|death|suicid\w*|unalive|kill (?:myself|me)|(?:end|ending) (?:it|my life|things|everything)(?! (?:all )?with)|jump\w*|better place|never (?:see|wake|be (?:opened|read|sent))|won'?t (?:wake|be alive)|no (?:point|reason to)|stockpil\w*|hoard\w*|sav(?:e|ed|ing) (?:them|up|my)|(?:tonight|tomorrow)'?s the (?:night|day)|be with (?:him|her|them) (?:soon|again)|see (?:him|her|them) again)\b/;
/**
 * The writer takes the denial of an attribution back or affirms it ("I said no
 * but I lied", "no. that's a lie", "honestly I am", "I said yes").
 */
export const DENIAL_TAKEN_BACK_RE =
  /\b(?:i lied|lying|(?:i'?m|im|i am) (?:planning|going to do) it|i have a plan|i (?:said|say) yes|yes|yeah|yep|(?:that'?s|it'?s|was) a lie|not (?:really )?true|but (?:i|i'?m|im) (?:really |actually )?(?:am|do)\b(?! not)|(?:i|i'?m|im) (?:actually|really) (?:am|do)\b(?! not)|i (?:do|am)(?=\s*(?:[.!?\n,]|$)))/;
/** "I never said I…, I said…": the writer disowns the words (DENIAL_START_RE may then be "I said"). */
export const DISOWNED_RE =
  /\b(?:never said|never says|didn'?t say|did not say|never meant|(?:am|i'?m|im) not saying)\b/;
/** The past crisis is back: "it's back and worse", "creeping back", "I relapsed". */
export const CAME_BACK_RE =
  /\b(?:(?:come|comes|coming|came|creeping|creeps) back|(?:it'?s|its|they'?re|it is|they are) back|relapsed)\b/;
