// Word lists for names and places. compromise's lexicon (thousands of first names,
// last names and cities) does most of the work; these lists add what it lacks and
// name the capitalised words of interviews that identify nobody.

/** First names the lexicon lacks, common in the communities such studies reach. */
export const EXTRA_FIRST_NAMES = `
aaliyah abigail adriana aisha alejandra alexis aliyah alondra amani amira anaya angelica aniyah annette antonio
araceli ariana arianna ashanti ayesha aymara beatriz belen brianna brittany carmen cecilia celeste chanel
dalia daniela dayana deja delfina denise desiree destiny diamond dominique ebony elena esmeralda esperanza
estrella fatima gabriela guadalupe imani inez isabel itzel jacqueline jada jamila janelle jasmin jazmin
jessenia jimena juana kayla keisha kenya keyla kiara lakisha laquita lashonda latasha latisha latonya
latrice leticia lourdes lucia lupe luz maribel maricela marisol marta mayra mercedes mia milagros mireya
monique nadia nayeli neveah nia noemi nyla oksana olga paola precious quiana raquel reina rocio rosa
rosario sade shanice shaniqua shanika shanna shanté shawna sherise sonia tameka tamika tanisha tatiana
tiana tierra tiffany trina valeria vanessa veronica xiomara yadira yesenia yolanda zaria zuri
andre antoine darnell dashawn deandre demetrius deshawn dmitri duane jamal javier jermaine jose juan
kareem lamar marquis mateo omar rashad reggie rodrigo tyrone
`.trim().split(/\s+/);

/** Names that are everyday words too: a name only with a surname, a title or words that introduce one. */
export const AMBIGUOUS_NAMES = `
hope faith grace joy will may june april august mercy destiny precious trinity genesis charity patience
harmony unique miracle angel dawn crystal amber ruby rose lily violet holly heather summer autumn sky
chase hunter mason frank pat sandy rusty christian major king prince bishop judge justice art ray guy
gene don bill mark jack rich sunny star river stone brook wade reed bud cash page lane dean earl
`.trim().split(/\s+/);

/**
 * Capitalised words that are not names of people or places: months and days, faith,
 * family words, languages and peoples, programs and agencies, platforms and chains.
 * A run of capitalised words made only of these (and of, and, the, for) is let be.
 */
export const NOT_IDENTIFYING = `
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday christmas thanksgiving easter halloween
god lord jesus christ allah heaven bible church scripture amen holy spirit
mom mommy mama momma dad daddy papa grandma grandmother granny nana grandpa grandfather auntie
english spanish american mexican black white latina latino latinx hispanic african asian native
christian catholic muslim jewish baptist
housing first medicaid medicare department children families family services social security
section office court program programs center services shelter human health mental behavioral
division administration agency bureau state county city federal national public legal aid
child protective protection welfare assistance temporary needy food stamps snap wic tanf ssi ssdi
salvation army goodwill red cross ymca ywca job corps planned parenthood catholic charities
narcotics alcoholics anonymous recovery step steps treatment detox rehab clinic hospital
emergency room police sheriff probation parole immigration customs enforcement homeland
victims victim services advocate advocates hotline lifeline crisis line trafficking human
facebook instagram snapchat tiktok twitter whatsapp google youtube uber lyft greyhound amtrak
walmart target mcdonald's mcdonalds wendy's burger king starbucks dollar general walgreens cvs
amazon costco kroger fedex ups usps marriott hilton subway kfc popeyes ihop denny's dennys applebee's chipotle dunkin safeway publix aldi lidl kohl's macy's tree lowe's
iphone android zoom teams internet wifi
backpage craigslist tinder grindr bumble hinge kik whatsapp telegram signal messenger paypal venmo zelle onlyfans pornhub
netflix hulu spotify fitbit xbox playstation nintendo ipad kindle gps
xanax percocet suboxone narcan methadone vivitrol fentanyl adderall oxycontin oxy molly tylenol advil benadryl prozac zoloft lexapro seroquel
jehovah buddha muhammad mary
street avenue ave road boulevard blvd drive lane place way terrace parkway highway circle trail square
al-anon alateen midwest coast side downtown uptown jail prison title
mon tue tues wed thu thur thurs fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec
interviewer participant speaker respondent moderator facilitator transcript unknown
okay ok yeah yes no um uh oh well so and but like just really
mr mrs ms miss dr
phd ma ba bsw msw lcsw
the of and for in on at to a an
`.trim().split(/\s+/);

/** Words that introduce a person's name: "my cousin Tasha", "a man named Reggie". */
export const NAME_CUES =
  /(?:\b(?:my|her|his|our|their|your|the|a)\s+(?:(?:older|younger|little|big|baby|best|ex|new|old|first|second|oldest|youngest)[\s-]+)?(?:cousin|sister|brother|friend|boyfriend|girlfriend|husband|wife|daughter|son|caseworker|case\s+manager|advocate|lawyer|attorney|mom|mother|dad|father|aunt|auntie|uncle|grandmother|grandma|grandfather|niece|nephew|trafficker|pimp|counselor|therapist|boss|manager|supervisor|landlord|landlady|neighbor|roommate|partner|kid|child|baby|godmother|stepdad|stepmom|sponsor|mentor|pastor|doctor|nurse|worker|coworker|co-worker|officer|detective|judge|guy|man|woman|girl|lady|dude)|\b(?:named|name\s+is|name\s+was|name's|called|call\s+(?:him|her|them)|goes\s+by|went\s+by|go\s+by|known\s+as|this\s+is|I'm|I\s+am|it's|ask\s+for)),?\s+$/i;

/** Titles before a name: "Officer Brennan", "Ms. Ortega". */
export const TITLES = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Officer|Detective|Det|Judge|Pastor|Reverend|Rev|Father|Sister|Brother|Sergeant|Sgt|Agent|Deputy|Nurse|Coach|Aunt|Auntie|Uncle|Cousin|Granny|Grandma|Grandpa|Professor|Prof|Lieutenant|Lt|Captain|Capt|Attorney|Counselor|Bishop|Elder|Deacon|Imam|Rabbi)\.?\s+$/;

/** Words before a place: "moved to Tulsa", "grew up in Gary". */
export const PLACE_CUES = /\b(?:in|from|to|near|outside(?:\s+of)?|around|toward|towards|through|into|at|via|across)\s+(?:(?:downtown|north|south|east|west|northern|southern|upstate|rural|suburban)\s+)?$/i;

/** Words after capitalised words that make them a place that locates someone. */
export const PLACE_SUFFIXES =
  /^\s+(?:Hospital|Medical\s+Center|Health\s+Center|Clinic|Church|Cathedral|Temple|Mosque|School|Academy|High(?:\s+School)?|Middle\s+School|Elementary|College|University|Motel|Hotel|Inn|Lodge|Shelter|House|Home|Homes|Diner|Restaurant|Cafe|Café|Grill|Lounge|Club|Bar|Tavern|Market|Mall|Plaza|Park|Station|Jail|Prison|Penitentiary|Correctional(?:\s+(?:Center|Facility|Institution))?|Detention\s+Center|Precinct|Apartments|Towers|Courts|Village|Heights|Gardens|Manor|Estates|County|Township|Parish|Airport|Terminal|Motors|Salon|Spa|Studio|Boutique|Laundromat|Projects|Services|Center|Centre|Ministries|Ministry|Foundation|Project|Alliance|Coalition|Network|Outreach|Society|Mission|Collective)\b/;

/** Generic words that head an institution name without locating it: "Community Center", "County Hospital". */
export const GENERIC_HEADS = `
community county city state general regional public memorial medical mental health family women's womens
children's childrens youth crisis recovery drop-in day night the a an local neighborhood main high
middle elementary junior senior catholic christian baptist methodist national federal university
justice advocacy resource resources support counseling wellness human social victim victims women legal
services service department office program child children family families protective housing
`.trim().split(/\s+/);

/** US states identify nobody (one word each: the capitalised-word scan looks at single words). */
export const US_STATES = `
alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois
indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington
wisconsin wyoming
`.trim().split(/\s+/);

/** "on" names a street only before two capitalised words ("on Cottage Grove"); "on Xanax", "on Kik" are not places. */
export const ON_CUE = /\bon\s+$/i;
