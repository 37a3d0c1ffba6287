/**
 * The printing condition every Rosette PDF is made for, and the ICC profile that describes it. Colours
 * typed as sRGB, uploaded photos and the on-screen proof all go through this one profile (via the tables
 * in colour-tables.json and, for photos, libvips in the worker), so the preview, the PDF and the preflight
 * agree. The profile file is common/colour/profiles/rosette-coated-fogra39.icc, built by
 * scripts/make-output-profile.sh from Fogra's FOGRA39 characterisation data (zlib licence).
 */
export const OUTPUT_PROFILE = {
  /** File name under common/colour/profiles/. */
  file: 'rosette-coated-fogra39.icc',
  /** The profile's own description tag. */
  description: 'Rosette coated FOGRA39 300%',
  /** The OutputIntent's OutputConditionIdentifier: the characterisation printers know by this name. */
  outputConditionIdentifier: 'FOGRA39',
  /** The OutputIntent's OutputCondition, in words. */
  outputCondition: 'Offset printing on coated paper (ISO 12647-2:2004/Amd 1, paper type 1 or 2), total ink limit 300 %',
  /** Where the characterisation is registered. */
  registryName: 'http://www.color.org',
} as const;
