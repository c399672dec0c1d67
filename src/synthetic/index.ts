// Synthetic registry data (never real people): households in the Arabic four-part naming
// pattern, benchmark registries with known truth, and a fast CSV writer. See the files for details.
export { REFERENCE_DATE } from './attributes.ts';
export {
  fullName,
  PERSON_CSV_COLUMNS,
  personCsvHeader,
  personCsvLine,
  writePersonsCsv,
  type CsvWriteResult,
  type PersonCsvOptions,
} from './csv.ts';
export {
  generateHouseholds,
  generatePersons,
  type DobPrecision,
  type Sex,
  type SyntheticDisplacement,
  type SyntheticHousehold,
  type SyntheticPerson,
  type SyntheticVulnerability,
} from './households.ts';
export { familyNames, femaleGivenNames, maleGivenNames, type NameEntry } from './names.ts';
export { AliasTable, Rng } from './random.ts';
export {
  CLAN_STYLE,
  generateClanRegistry,
  generateDedupeSet,
  generateRegistryPair,
  type RegistryPair,
  type SyntheticRecord,
} from './registries.ts';
