/**
 * Wording signals in a question for the scenario labels other than red flags, which the concept recogniser
 * finds (principles/concepts/).
 */
export const CONDITIONALLY_EMERGENT =
  /\b(chest pain|shortness of breath|short of breath|fever|high temperature|headache|blood in (?:my|the|his|her) (?:urine|stool|pee|poo)|vomiting|dehydrat\w*|dizz\w*|faint\w*|palpitations|abdominal pain|stomach pain|severe pain|swelling|rash|should i go to (?:the )?(?:er|a&e|emergency|hospital|urgent care)|sudden\w*)\b/i;

export const SYMPTOM_OR_CONDITION =
  /\b(pain|ache|aching|hurts?|sore|rash|itch\w*|cough\w*|fever|nause\w*|tired|fatigue|swollen|swelling|bleed\w*|symptoms?|infection|injur\w*|pull(?:ed)?|sprain\w*|diagnos\w*|depress\w*|anxi\w*|clicks?|blurr?ed|lump)\b/i;

export const CLINICIAN_SIGNALS =
  /\b(my patients?|(?:a|the|this|our) patient|mon patient|pts?\b|i'?m an? (?:[\w-]+ ){0,3}(?:physician|doctor|nurse|np|pa|pharmacist|resident|intern|neurologist|cardiologist|surgeon|clinician|gp|paramedic|midwife|dietitian|pediatrician|paediatrician|psychiatrist)|i am an? (?:[\w-]+ ){0,3}(?:physician|doctor|nurse|pharmacist|resident|clinician)|as an? (?:[\w-]+ ){0,2}(?:physician|doctor|nurse|clinician|pharmacist|resident)|dr\.? [a-z]+,|differential(?: diagnosis)?|work-?up|titrat\w*|mg\/kg|hpi|pmh|c\/o|s\/p|ddx|icd-?10|cpt|progress note|discharge summary|soap note|evidence base|first-line|contraindicat\w*|exam:|impression:|findings:|acls|bls protocol)\b/i;

export const LAYPERSON_SIGNALS =
  /\b(i have|i'?m (?:\d+|a \d+|worried|scared|pregnant|feeling|so)|i(?:'ve| have) been|i feel|i think i|i suspect i|i get|my (?:mom|mother|mum|dad|father|son|daughter|kid|child|baby|husband|wife|partner|friend|grandma|grandmother|grandpa|grandfather|sister|brother|doctor|doc)|doc said|(?:mother|father|mom|dad) is \d+|should i|can i|do i need|is it (?:normal|safe|bad)|help (?:me|my)|my (?:knee|back|head|stomach|chest|eye|skin|throat|moles?|last)|estou|estoy|tengo|tenho|j'ai|je suis)\b/i;

export const HEALTH_DATA_TASK =
  /\b(write|draft|summari[sz]e|rewrite|reformat|restructure|convert|extract|code|document(?:ing)?|chart|template|fill (?:in|out)|transcribe|translate|message the patient|group all)\b[^.?!]{0,60}\b(note|notes|summary|letter|report|record|records|chart|discharge|referral|soap|icd-?10|cpt|codes?|documentation|template|history|findings|labs?|results?|logs?|details)\b|\b(soap note|progress note|discharge summary|referral letter|icd-?10 codes?|radiology report|exam:|impression:|findings:|lab type\s*:|mychart)|^\s*(?:revise|rewrite|rephrase|proofread)\b/im;

export const ADVICE_SIGNALS =
  /\b(should i|i should|should we|what should|can i|could i|do i need|is it (?:safe|ok|okay)|how (?:do|can|should) i|what can i|help (?:me|my)|make (?:me )?a plan|plan to|next steps|what to do|which \w+ should|should i be (?:worried|concerned)|what is recommended for|is (?:that|it|this) (?:risky|dangerous|harmful)|is it recommended to)\b/i;

export const INFORMATION_SIGNALS =
  /\b(what (?:is|are|does|causes)|why (?:do|does|is|are)|how (?:does|do) (?:\w+ )?work|explain|difference between|tell me about|what'?s the (?:difference|evidence)|is there (?:any )?evidence|want to confirm|(?:latest|new|current) (?:guidelines?|updates?|recommendations?)|definite cause|what causes)\b/i;

export const IRREDUCIBLE_SIGNALS =
  /\b(will (?:i|it|he|she|my) (?:definitely|ever|always|get|be|come|fix|cure|live|die|recover|need)|chances? (?:of|that)|odds|prognosis|life expectancy|how long (?:do i|does (?:he|she)|will)|guarantee\w*|is it genetic|will it come back|haven'?t found (?:strong |any |clear )?(?:guidelines?|evidence)|no (?:strong|clear|good) (?:guidelines?|evidence)|limited evidence|forever)\b/i;

export const CONTEXT_GIVEN =
  /\b(\d+[- ]?(?:year|yr|month|week|day)s?[- ]?(?:old|postpartum|pregnant)|i'?m \d+|aged? \d+|for (?:about |around )?(?:\d+|a|one|two|three|four|five|six) (?:days?|weeks?|months?|years?)|since (?:yesterday|last)|history of|past medical history|taking|on (?:\w+ )?medication|allergic to|pregnan\w*|postpartum|no (?:harmful|suicidal) thoughts|well-controlled|lives? with|living with)\b/gi;

export const TREATMENT_CHOICE =
  /\b(should i (?:start|take|do|use) (?:the )?(?:meds|medication|medicine|pills|treatment|antibiotics?|supplements?)|which (?:\w+ )?(?:supplements?|antibiotics?|medicines?|medications?|pills) should i|what (?:medicine|medication|antibiotic|supplement) should|qual antibiotico|qué medicamento)\b/i;

export const PERSONAL_WORDING = /\b(i|i'?m|i'?ve|my|me|we|our|you|your|yo|mi|me|eu|meu|minha|je|mon|ma)\b/i;
