// English terms of the default Standards Board policy, curated for this project (see SOURCES.md).
// Short words that hide inside innocent ones ("ass" in "class", "cock" in "peacock", "cum" in "document")
// are written "<ass>" so they only match as words; long unambiguous stems ("fuck", "cunt") match anywhere,
// with the allow-list protecting place names like Scunthorpe. Leetspeak, stretched letters, look-alike
// letters and separators are undone by the normaliser, so "sh1t", "fuuuck", "fuсk" and "f*u*c*k" need no entry.

/** Reject: strong profanity, sexual vulgarity, slurs and calls for self-harm. */
export const ENGLISH_BANNED: readonly string[] = [
  // fuck
  'fuck', 'fucker', 'fucking', 'fucked', 'fuckin', 'fucks', 'fuckface', 'fuckhead', 'fuckwit', 'fucktard',
  'fuckboy', 'fuckstick', 'fuckup', 'motherfucker', 'motherfucking', 'mothafucka', 'muthafucka', 'mutherfucker',
  'clusterfuck', 'mindfuck', 'dumbfuck', 'fuckoff', 'fuckyou', 'fvck', 'phuck', '<phuk>', '<fuk>', '<fukin',
  '<fukker', '<fukking', '<fuq>', '<fuqin', '<fck>', '<fckin', '<fcking', '<fcker', '<fkn>', '<fking>',
  '<mofo>', '<stfu>', '<gtfo>', 'fuckery', 'fucknut', 'fuckwad', 'unfuckingbelievable',
  // shit
  'shit', 'shitty', 'shithead', 'shitface', 'shitbag', 'shitstain', 'shithole', 'shitshow', 'shitter',
  'bullshit', 'horseshit', 'dipshit', 'apeshit', 'batshit', 'chickenshit', 'dogshit', 'shitlord', 'shitposter',
  '<shyt>', '<shite>',
  // cunt, twat, wank
  'cunt', 'cunts', 'cunty', 'cuntface', '<twat', 'twatwaffle', '<wank', 'wanker', 'wankstain', 'bellend',
  'knobhead', 'knobend', '<minge>', 'cumbucket',
  // bitch, whore, slut
  'bitch', 'bitches', 'bitchy', 'bitchass', 'sonofabitch', 'son of a bitch', '<biatch', '<beyotch', '<biotch',
  'whore', 'whorebag', 'slut', 'slutty', 'skank', 'cumslut', '<thot>',
  // ass compounds
  'asshole', 'assholes', 'arsehole', 'asshat', 'asswipe', 'assclown', 'asslicker', 'assfucker', 'dumbass',
  'jackass', 'fatass', 'kissass', 'lardass', 'dumbarse',
  // dick and cock compounds
  'dickhead', 'dickwad', 'dickface', 'dickbag', 'dicksucker', 'cocksucker', 'cocksucking', 'cockhead', 'cockface',
  '<cockmunch', 'douchebag', 'douchenozzle',
  // sexual
  'blowjob', 'handjob', 'rimjob', 'footjob', 'jizz', 'cumshot', 'gangbang', 'bukkake', 'buttplug',
  'jerk off', 'jerking off', 'jack off', 'jacking off', '<circlejerk', 'titfuck', 'skullfuck', 'deepthroat',
  'pussylicker', 'cuntlicker', 'cocktease', 'prickteaser',
  // racial, ethnic and religious slurs
  'nigger', 'niggers', 'nigga', 'niggas', 'niggaz', 'nigguh', 'niglet', 'sandnigger', 'porch monkey',
  'jungle bunny', 'jigaboo', 'jiggaboo', 'spearchucker', '<coon>', '<coons>', 'wetback', '<beaner', '<spic>',
  '<spick>', '<spics>', '<gook>', '<gooks>', 'zipperhead', 'slanteye', 'slant eye', 'ching chong', 'chingchong',
  '<chinaman', '<kike>', '<kikes>', 'hymie', '<heeb>', 'towelhead', 'raghead', 'camel jockey', 'sand monkey',
  '<paki>', '<wog>', 'golliwog', 'darkie', 
  // homophobic and transphobic slurs
  'faggot', 'faggots', 'fagot', 'faggy', '<fag>', '<fags>', 'tranny', 'trannies', 'shemale', '<dyke>', '<dykes>',
  'carpet muncher', 'fudgepacker', 'fudge packer',
  // disability slurs used as insults
  '<retard>', 'libtard', 'fucktards', '<spaz>', '<spastic>', 'mongoloid',
  // telling someone to kill themselves ("don't kill yourself over it" is an idiom, so that one is only held)
  'kill urself', 'neck yourself', '<kys>', '<die in a fire>', '<hope you die>', '<go kill yourself>',
];

/** Hold: milder or ambiguous words a moderator should read in context. */
export const ENGLISH_SUSPECT: readonly string[] = [
  '<ass>', '<arse>', '<cock>', '<cocks>', '<prick>', '<pricks>', '<tits>', '<titties>', '<titty>', '<cum>',
  '<cums>', '<cumming>', '<piss>', 'pussy', 'pussies', '<dildo', '<milf>', '<bastard>', '<bollocks>', '<bugger>',
  '<tosser>', '<douche>', '<scumbag', '<jerkoff', '<effing>', '<fcuk', '<feck', '<goddamn', '<screw you>',
  '<suck my', '<homo>', '<homos>', '<jap>', '<japs>', '<chink>', '<chinks>', '<gyp>', '<gypped>', '<negro>',
  '<negroes>', '<negroid>', '<redskin>', '<squaw>', '<spaz', '<feminazi', '<cuck>', '<cucks>', '<soyboy',
  '<kill you>', '<kill u>', '<murder you>', '<shoot you>', '<rape you>', '<stab you>', '<yo mama>', 'dogeater',
  'dog eater', '<bimbo>', '<hussy>', '<harlot>', '<trollop>', '<sissy>', '<nancy boy>', '<poofter>', '<nonce>',
  '<pedo>', '<paedo>', '<scum>', '<subhuman>', '<untermensch>', '<white power>', '<kill yourself>',
  '<hang yourself>', '<drink bleach>', '<you should die>',
  '<sieg heil>', '<jewtube>', '<zog>',
];
