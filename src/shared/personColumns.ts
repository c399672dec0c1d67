// The columns of a person CSV file, in order: the layout the registry import reads, `sanad link`
// reads (its standard columns) and the synthetic generator writes. One list, imported where needed.

/** The name columns: the four parts, the full Arabic name and the Latin one. */
export const NAME_COLUMNS = ['given_name', 'father_name', 'grandfather_name', 'family_name', 'full_name', 'full_name_en'] as const;

/** A person's own columns. */
export const PERSON_COLUMNS = ['record_id', ...NAME_COLUMNS, 'sex', 'date_of_birth', 'age', 'national_id', 'phone', 'governorate'] as const;

/** A member's household and place in it (households files). */
export const HOUSEHOLD_COLUMNS = ['household_id', 'relationship'] as const;

/** Every column of a person CSV file: the person's, then the household's. */
export const PERSON_CSV_COLUMNS = [...PERSON_COLUMNS, ...HOUSEHOLD_COLUMNS] as const;
