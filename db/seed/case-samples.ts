/**
 * A filed allegation as a person would enter it, modelled on the public record (Harat al-Badu,
 * Raqqa, 25 September 2017). The demo seed and the tests' factories both start from it.
 */
export function hararAlBaduInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: "Airstrike on a five-storey building in Harat al-Badu",
    externalCodes: "CS1327",
    incidentDateFrom: "2017-09-25",
    incidentDateTo: "",
    datePrecision: "day",
    country: "SY",
    governoratePcode: "SY11",
    districtPcode: "SY1101",
    localityEn: "Raqqa city",
    localityAr: "مدينة الرقة",
    neighbourhoodEn: "Harat al-Badu",
    neighbourhoodAr: "حارة البدو",
    latitude: "35.9528",
    longitude: "39.0089",
    locationAccuracy: "neighbourhood",
    belligerents: ["coalition"],
    means: ["airstrike"],
    killedMin: "32",
    killedMax: "32",
    killedChildrenMin: "20",
    killedChildrenMax: "20",
    injuredMin: "",
    injuredMax: "",
    civilianObjects: ["residential_building"],
    incendiaryWeapons: "false",
    narrative:
      "An airstrike destroyed a five-storey residential building in the Harat al-Badu neighbourhood of Raqqa, " +
      "where families displaced from other parts of the city had taken shelter. 32 civilians were killed, 20 of them children.",
    tags: "raqqa-2017, residential",
    ...overrides,
  };
}
