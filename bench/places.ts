/**
 * Where synthetic incidents happen: OCHA p-codes (lib/places/admin-areas.json), weighted the way the
 * public record is (Raqqa, Aleppo, Deir-ez-Zor and Ninewa dominate), with approximate coordinates.
 */
export type Locality = {
  district: string;
  en: string;
  ar: string;
  lat: number;
  lon: number;
  neighbourhoods?: readonly (readonly [string, string])[];
};
export type GovernorateSpread = { pcode: string; country: "SY" | "IQ"; weight: number; localities: readonly Locality[] };

export const governorateSpread: readonly GovernorateSpread[] = [
  {
    pcode: "SY11",
    country: "SY",
    weight: 24,
    localities: [
      {
        district: "SY1101",
        en: "Raqqa city",
        ar: "مدينة الرقة",
        lat: 35.952,
        lon: 39.009,
        neighbourhoods: [
          ["Harat al-Badu", "حارة البدو"],
          ["Al-Mashlab", "المشلب"],
          ["Al-Rumaila", "الرميلة"],
          ["Al-Sinaa", "الصناعة"],
          ["Al-Thakana", "الثكنة"],
          ["Al-Nahda", "النهضة"],
          ["Al-Daraiya", "الدرعية"],
          ["Al-Mansour street", "شارع المنصور"],
          ["Nazlat Shehada", "نزلة شحادة"],
          ["Al-Rashid", "الرشيد"],
        ],
      },
      { district: "SY1101", en: "Kasrat", ar: "الكسرات", lat: 35.925, lon: 39.03 },
      { district: "SY1101", en: "Al-Karama", ar: "الكرامة", lat: 35.934, lon: 39.295 },
      { district: "SY1103", en: "Al-Tabqa", ar: "الطبقة", lat: 35.836, lon: 38.548 },
      { district: "SY1103", en: "Al-Mansoura", ar: "المنصورة", lat: 35.84, lon: 38.76 },
      { district: "SY1102", en: "Ain Issa", ar: "عين عيسى", lat: 36.385, lon: 38.862 },
      { district: "SY1102", en: "Tell Abiad", ar: "تل أبيض", lat: 36.697, lon: 38.955 },
    ],
  },
  {
    pcode: "SY02",
    country: "SY",
    weight: 18,
    localities: [
      {
        district: "SY0200",
        en: "Aleppo city",
        ar: "مدينة حلب",
        lat: 36.202,
        lon: 37.158,
        neighbourhoods: [
          ["Al-Shaar", "الشعار"],
          ["Al-Sukkari", "السكري"],
          ["Bustan al-Qasr", "بستان القصر"],
          ["Al-Kalasa", "الكلاسة"],
          ["Masaken Hanano", "مساكن هنانو"],
          ["Al-Ansari", "الأنصاري"],
          ["Tariq al-Bab", "طريق الباب"],
        ],
      },
      { district: "SY0200", en: "Al-Atareb", ar: "الأتارب", lat: 36.138, lon: 36.83 },
      { district: "SY0202", en: "Al-Bab", ar: "الباب", lat: 36.371, lon: 37.517 },
      { district: "SY0202", en: "Tadef", ar: "تادف", lat: 36.35, lon: 37.53 },
      { district: "SY0205", en: "Manbij", ar: "منبج", lat: 36.528, lon: 37.955 },
      { district: "SY0205", en: "Al-Tokhar", ar: "التوخار", lat: 36.62, lon: 37.94 },
      { district: "SY0207", en: "Al-Safira", ar: "السفيرة", lat: 36.07, lon: 37.37 },
    ],
  },
  {
    pcode: "SY09",
    country: "SY",
    weight: 15,
    localities: [
      {
        district: "SY0901",
        en: "Deir ez-Zor city",
        ar: "مدينة دير الزور",
        lat: 35.336,
        lon: 40.141,
        neighbourhoods: [
          ["Al-Jubaila", "الجبيلة"],
          ["Al-Hamidiya", "الحميدية"],
          ["Al-Rashdiya", "الرشدية"],
          ["Al-Sinaa", "الصناعة"],
        ],
      },
      { district: "SY0901", en: "Al-Husseiniya", ar: "الحسينية", lat: 35.36, lon: 40.1 },
      { district: "SY0903", en: "Al-Mayadin", ar: "الميادين", lat: 35.019, lon: 40.453 },
      { district: "SY0903", en: "Al-Busayrah", ar: "البصيرة", lat: 35.155, lon: 40.428 },
      { district: "SY0902", en: "Al-Bukamal", ar: "البوكمال", lat: 34.453, lon: 40.918 },
      { district: "SY0902", en: "Hajin", ar: "هجين", lat: 34.693, lon: 40.83 },
      { district: "SY0902", en: "Al-Susa", ar: "السوسة", lat: 34.555, lon: 40.885 },
      { district: "SY0902", en: "Al-Baghuz", ar: "الباغوز", lat: 34.459, lon: 40.954 },
    ],
  },
  {
    pcode: "SY08",
    country: "SY",
    weight: 5,
    localities: [
      { district: "SY0800", en: "Al-Hasakah city", ar: "مدينة الحسكة", lat: 36.502, lon: 40.747 },
      { district: "SY0800", en: "Al-Shaddadi", ar: "الشدادي", lat: 36.056, lon: 40.73 },
      { district: "SY0800", en: "Al-Hol", ar: "الهول", lat: 36.383, lon: 41.148 },
      { district: "SY0802", en: "Qamishli", ar: "القامشلي", lat: 37.052, lon: 41.231 },
      { district: "SY0804", en: "Ras al-Ain", ar: "رأس العين", lat: 36.85, lon: 40.07 },
    ],
  },
  {
    pcode: "SY07",
    country: "SY",
    weight: 4,
    localities: [
      { district: "SY0700", en: "Idlib city", ar: "مدينة إدلب", lat: 35.93, lon: 36.633 },
      { district: "SY0702", en: "Maarat al-Numan", ar: "معرة النعمان", lat: 35.644, lon: 36.671 },
      { district: "SY0703", en: "Sarmada", ar: "سرمدا", lat: 36.18, lon: 36.72 },
    ],
  },
  {
    pcode: "SY04",
    country: "SY",
    weight: 3,
    localities: [{ district: "SY0405", en: "Palmyra", ar: "تدمر", lat: 34.56, lon: 38.28 }],
  },
  {
    pcode: "IQG15",
    country: "IQ",
    weight: 20,
    localities: [
      {
        district: "IQG15Q05",
        en: "Mosul",
        ar: "الموصل",
        lat: 36.34,
        lon: 43.13,
        neighbourhoods: [
          ["Al-Jadida", "الموصل الجديدة"],
          ["Al-Zanjili", "الزنجيلي"],
          ["Al-Shifa", "الشفاء"],
          ["Al-Farouq", "الفاروق"],
          ["Bab Sinjar", "باب سنجار"],
          ["Al-Maidan", "الميدان"],
          ["Al-Rifai", "الرفاعي"],
          ["Al-Yarmuk", "اليرموك"],
          ["Wadi Hajar", "وادي حجر"],
          ["Al-Zuhur", "الزهور"],
        ],
      },
      { district: "IQG15Q05", en: "Hammam al-Alil", ar: "حمام العليل", lat: 36.159, lon: 43.259 },
      { district: "IQG15Q08", en: "Tal Afar", ar: "تلعفر", lat: 36.374, lon: 42.448 },
      { district: "IQG15Q03", en: "Qaraqosh", ar: "قرقوش", lat: 36.27, lon: 43.377 },
      { district: "IQG15Q07", en: "Sinjar", ar: "سنجار", lat: 36.321, lon: 41.876 },
      { district: "IQG15Q02", en: "Al-Baaj", ar: "البعاج", lat: 36.03, lon: 41.72 },
    ],
  },
  {
    pcode: "IQG01",
    country: "IQ",
    weight: 6,
    localities: [
      { district: "IQG01Q01", en: "Fallujah", ar: "الفلوجة", lat: 33.349, lon: 43.784 },
      { district: "IQG01Q03", en: "Ramadi", ar: "الرمادي", lat: 33.426, lon: 43.299 },
      { district: "IQG01Q02", en: "Al-Qaim", ar: "القائم", lat: 34.369, lon: 41.094 },
      { district: "IQG01Q07", en: "Hit", ar: "هيت", lat: 33.638, lon: 42.827 },
    ],
  },
  {
    pcode: "IQG16",
    country: "IQ",
    weight: 3,
    localities: [
      { district: "IQG16Q06", en: "Tikrit", ar: "تكريت", lat: 34.607, lon: 43.678 },
      { district: "IQG16Q03", en: "Baiji", ar: "بيجي", lat: 34.929, lon: 43.493 },
      { district: "IQG16Q02", en: "Al-Shirqat", ar: "الشرقاط", lat: 35.51, lon: 43.23 },
    ],
  },
  {
    pcode: "IQG13",
    country: "IQ",
    weight: 2,
    localities: [{ district: "IQG13Q01", en: "Hawija", ar: "الحويجة", lat: 35.32, lon: 43.77 }],
  },
];
