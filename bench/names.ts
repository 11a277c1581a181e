import type { Random } from "./random";

// Invented people: a given name, the father's given name and a family name built from two
// syllable lists, in Arabic and in Latin script. Weights make a few names very common, as they are.
type Pair = readonly [ar: string, latin: string];

const male: readonly (readonly [Pair, number])[] = [
  [["محمد", "Mohammed"], 12],
  [["أحمد", "Ahmad"], 8],
  [["علي", "Ali"], 6],
  [["حسين", "Hussein"], 5],
  [["خالد", "Khaled"], 4],
  [["عمر", "Omar"], 4],
  [["إبراهيم", "Ibrahim"], 3],
  [["يوسف", "Yusuf"], 3],
  [["عبد الله", "Abdullah"], 4],
  [["مصطفى", "Mustafa"], 2],
  [["محمود", "Mahmoud"], 3],
  [["حمزة", "Hamza"], 2],
  [["ياسر", "Yasser"], 2],
  [["وليد", "Walid"], 2],
  [["عيسى", "Issa"], 1],
  [["جاسم", "Jasim"], 2],
  [["صالح", "Saleh"], 2],
  [["فيصل", "Faisal"], 1],
];

const female: readonly (readonly [Pair, number])[] = [
  [["فاطمة", "Fatima"], 10],
  [["عائشة", "Aisha"], 5],
  [["مريم", "Maryam"], 5],
  [["زينب", "Zainab"], 4],
  [["خديجة", "Khadija"], 4],
  [["نور", "Nour"], 3],
  [["هدى", "Huda"], 3],
  [["سارة", "Sara"], 2],
  [["ليلى", "Layla"], 2],
  [["رنا", "Rana"], 1],
  [["أمل", "Amal"], 2],
  [["سلمى", "Salma"], 2],
  [["آمنة", "Amina"], 3],
  [["جميلة", "Jamila"], 1],
  [["سعاد", "Suad"], 1],
];

const familyRoots: readonly Pair[] = [
  ["جاسم", "Jasim"],
  ["حمد", "Hamad"],
  ["عبيد", "Obeid"],
  ["خلف", "Khalaf"],
  ["شاهر", "Shaher"],
  ["موس", "Mous"],
  ["نجم", "Najm"],
  ["عواد", "Awwad"],
  ["مطر", "Matar"],
  ["صالح", "Salih"],
  ["فرح", "Farh"],
  ["عكيد", "Aqeed"],
  ["حمود", "Hammud"],
  ["ذياب", "Dhiyab"],
];
const familyEndings: readonly Pair[] = [
  ["", ""],
  ["ان", "an"],
  ["اوي", "awi"],
  ["ي", "i"],
  ["ات", "at"],
];

export type SyntheticName = { ar: string; latin: string; sex: "female" | "male"; family: Pair };

export function familyName(random: Random): Pair {
  const [rootAr, rootLatin] = random.pick(familyRoots);
  const [endAr, endLatin] = random.pick(familyEndings);
  return [`ال${rootAr}${endAr}`, `al-${rootLatin}${endLatin}`];
}

/** A person of a household: the family name is shared by the victims of one family group. */
export function personName(random: Random, family: Pair): SyntheticName {
  const sex = random.chance(0.55) ? "male" : "female";
  const [givenAr, givenLatin] = random.weighted(sex === "male" ? male : female);
  const [fatherAr, fatherLatin] = random.weighted(male);
  return { ar: `${givenAr} ${fatherAr} ${family[0]}`, latin: `${givenLatin} ${fatherLatin} ${family[1]}`, sex, family };
}
