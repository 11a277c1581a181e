import { compact } from "./name-matching";

/** Where the other monitor already took the allegation (lib/import/lifecycle-columns.ts). */
export const lifecycleFields = [
  "stage",
  "grading",
  "answer",
  "nonCredibleReason",
  "deathsConceded",
  "deathsConcededMin",
  "deathsConcededMax",
  "sentOn",
  "answeredOn",
  "closingReason",
] as const;

/** A victim's fields, the same on a victims sheet and in an allegation's own row (lib/import/victim-rows.ts). */
export const victimDetailFields = [
  "victimNameAr",
  "victimNameLatin",
  "victimSex",
  "victimAge",
  "victimAgeGroup",
  "victimOutcome",
  "victimFamily",
  "victimVerification",
  "victimConfidential",
] as const;
export type VictimDetailField = (typeof victimDetailFields)[number];

/** A source's fields in an allegation's row (lib/import/row-sources.ts). */
export const sourceFields = ["sourceType", "sourceUrl", "sourceTitle", "sourcePublisher", "sourceDate", "sourceLanguage", "sourceConfidential"] as const;
export type SourceField = (typeof sourceFields)[number];

/** Whether a mapping reads victims or sources from the allegations' own rows. */
export const rowItemsMapped = (mapping: Record<number, string>) =>
  Object.values(mapping).some((f) => (victimDetailFields as readonly string[]).includes(f) || (sourceFields as readonly string[]).includes(f));

/**
 * What a column of an import file can be mapped to: the filing form's fields, with the harm
 * counts also as one "range" column ("5-7"), and places by name or p-code.
 */
export const importFields = [
  "externalCode",
  "title",
  "incidentDateFrom",
  "incidentDateTo",
  "country",
  "governorate",
  "district",
  "localityEn",
  "localityAr",
  "neighbourhoodEn",
  "neighbourhoodAr",
  "latitude",
  "longitude",
  "locationAccuracy",
  "belligerents",
  "means",
  "killed",
  "killedMin",
  "killedMax",
  "killedChildren",
  "killedWomen",
  "killedMen",
  "injured",
  "injuredMin",
  "injuredMax",
  "civilianObjects",
  "narrative",
  "tags",
  ...lifecycleFields,
  ...victimDetailFields,
  ...sourceFields,
] as const;
export type ImportField = (typeof importFields)[number];

/** Column index → field; a column not named is not imported. */
export type ColumnMapping = Record<number, ImportField>;

/**
 * Headers other monitors' files use for each field, in English and Arabic (Airwars-style exports,
 * SNHR-style workbooks). Compared without case, spaces, punctuation or Arabic letter variants.
 */
const HEADERS: Record<ImportField, string[]> = {
  externalCode: ["code", "id", "case number", "case no", "report number", "incident code", "incident id", "unique reference", "reference", "ref", "الرمز", "رمز الحادثة", "المعرف", "الرقم المرجعي"],
  title: ["title", "incident", "incident title", "summary title", "name", "العنوان", "عنوان الحادثة"],
  incidentDateFrom: ["date", "incident date", "date of incident", "start date", "date from", "from", "التاريخ", "تاريخ الحادثة", "تاريخ الواقعة", "من تاريخ"],
  incidentDateTo: ["end date", "date to", "to", "until", "إلى تاريخ", "تاريخ الانتهاء"],
  country: ["country", "البلد", "الدولة"],
  governorate: ["governorate", "province", "governorate name", "admin1", "governorate pcode", "admin1 pcode", "المحافظة"],
  district: ["district", "admin2", "district pcode", "admin2 pcode", "المنطقة", "القضاء"],
  localityEn: ["locality", "location", "town", "city", "village", "place", "location name"],
  localityAr: ["locality arabic", "location arabic", "locality ar", "المكان", "البلدة", "القرية", "المدينة بالعربية"],
  neighbourhoodEn: ["neighbourhood", "neighborhood", "area", "الحي"],
  neighbourhoodAr: ["neighbourhood arabic", "neighborhood arabic", "الحي بالعربية"],
  latitude: ["latitude", "lat", "خط العرض"],
  longitude: ["longitude", "lon", "lng", "long", "خط الطول"],
  locationAccuracy: ["location accuracy", "geolocation accuracy", "accuracy", "precision", "دقة الموقع"],
  belligerents: ["belligerent", "belligerents", "party", "perpetrator", "suspected belligerent", "الطرف", "الطرف المتحارب", "الجهة الفاعلة", "الجهة المسؤولة"],
  means: ["means", "strike type", "type of strike", "weapon", "attack type", "الوسيلة", "نوع الهجوم", "السلاح"],
  killed: ["killed", "civilians killed", "deaths", "civilian deaths", "القتلى", "عدد القتلى", "الضحايا"],
  killedMin: ["killed min", "civilians killed min", "minimum killed", "civilians reported killed min", "deaths min", "أقل عدد للقتلى", "القتلى الحد الأدنى"],
  killedMax: ["killed max", "civilians killed max", "maximum killed", "civilians reported killed max", "deaths max", "أعلى عدد للقتلى", "القتلى الحد الأعلى"],
  killedChildren: ["children killed", "killed children", "child deaths", "الأطفال القتلى", "قتلى الأطفال"],
  killedWomen: ["women killed", "killed women", "النساء القتلى", "قتلى النساء"],
  killedMen: ["men killed", "killed men", "الرجال القتلى", "قتلى الرجال"],
  injured: ["injured", "civilians injured", "wounded", "الجرحى", "المصابون", "عدد الجرحى"],
  injuredMin: ["injured min", "civilians injured min", "minimum injured", "أقل عدد للجرحى"],
  injuredMax: ["injured max", "civilians injured max", "maximum injured", "أعلى عدد للجرحى"],
  civilianObjects: ["civilian objects", "civilian infrastructure", "objects hit", "infrastructure", "الأعيان المدنية", "المنشآت المتضررة"],
  narrative: ["narrative", "summary", "description", "details", "notes", "الرواية", "الوصف", "التفاصيل", "الملخص"],
  tags: ["tags", "keywords", "الوسوم", "الكلمات المفتاحية"],
  stage: ["stage", "case stage", "status", "case status", "المرحلة", "حالة الملف"],
  grading: ["grading", "grade", "civilian harm grading", "harm grading", "التصنيف", "الدرجة", "درجة التقييم"],
  answer: ["belligerent answer", "assessment", "assessment result", "belligerent assessment", "coalition assessment", "coalition answer", "belligerent response", "military assessment", "رد الطرف المتحارب", "رد التحالف", "تقييم التحالف"],
  nonCredibleReason: ["non credible reason", "reason non credible", "سبب عدم المصداقية"],
  deathsConceded: ["deaths conceded", "conceded deaths", "civilian deaths conceded", "deaths acknowledged", "acknowledged deaths", "القتلى المعترف بهم", "الوفيات المعترف بها"],
  deathsConcededMin: ["deaths conceded min", "conceded deaths min", "أقل عدد للقتلى المعترف بهم"],
  deathsConcededMax: ["deaths conceded max", "conceded deaths max", "أعلى عدد للقتلى المعترف بهم"],
  sentOn: ["sent on", "date sent", "sent to belligerent", "date submitted", "تاريخ الإرسال"],
  answeredOn: ["answered on", "answer date", "release date", "report date", "date of release", "date of answer", "assessment date", "coalition assessment date", "تاريخ الرد"],
  closingReason: ["closing reason", "reason closed", "سبب الإغلاق"],
  victimNameAr: ["victim name arabic", "victim names arabic", "victims arabic", "اسم الضحية", "أسماء الضحايا"],
  victimNameLatin: ["victim name", "victim names", "victims names", "names of victims", "named victims", "victims named"],
  victimSex: ["victim sex", "victim gender", "جنس الضحية"],
  victimAge: ["victim age", "victim ages", "age of victim", "عمر الضحية", "أعمار الضحايا"],
  victimAgeGroup: ["victim age group", "الفئة العمرية للضحية"],
  victimOutcome: ["victim outcome", "victim status", "مصير الضحية"],
  victimFamily: ["victim family", "family", "عائلة الضحية"],
  victimVerification: ["victim verification", "identity verification", "التحقق من الهوية"],
  victimConfidential: ["victim confidential", "withhold identity", "هوية سرية"],
  sourceType: ["source type", "type of source", "نوع المصدر"],
  sourceUrl: ["source", "sources", "source url", "source link", "source links", "link", "links", "url", "urls", "المصدر", "المصادر", "رابط المصدر", "روابط المصادر"],
  sourceTitle: ["source title", "عنوان المصدر"],
  sourcePublisher: ["source publisher", "publisher", "outlet", "الناشر", "الجهة الناشرة"],
  sourceDate: ["source date", "publication date", "published on", "تاريخ النشر"],
  sourceLanguage: ["source language", "language", "لغة المصدر"],
  sourceConfidential: ["source confidential", "confidential source", "مصدر سري"],
};

/**
 * A guesser of mappings from headers, for fields known by these headers (compared as `compact` does):
 * an exact known header only, each field at most once (its first column).
 */
export function headerGuesser<F extends string>(known: Record<F, string[]>): (headers: string[]) => Record<number, F> {
  const byHeader = new Map((Object.entries(known) as [F, string[]][]).flatMap(([field, names]) => names.map((h) => [compact(h), field] as const)));
  return (headers) => {
    const mapping: Record<number, F> = {};
    const taken = new Set<F>();
    headers.forEach((header, column) => {
      const field = byHeader.get(compact(header));
      if (field && !taken.has(field)) {
        mapping[column] = field;
        taken.add(field);
      }
    });
    return mapping;
  };
}

/** The mapping guessed from an allegations sheet's headers. */
export const guessMapping: (headers: string[]) => ColumnMapping = headerGuesser(HEADERS);
