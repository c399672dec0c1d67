// Rows of `locality` parsed into the shape the registry uses.
export type Locality = { id: string; governorate: string; nameAr: string; nameEn: string | null; lat: number | null; lon: number | null };

export type LocalityRow = {
  id: string;
  governorate: string;
  name_ar: string;
  name_en: string | null;
  lat: number | null;
  lon: number | null;
};

export const LOCALITY_COLUMNS = 'id, governorate, name_ar, name_en, lat, lon';

export const parseLocalityRow = (r: LocalityRow): Locality => ({
  id: r.id,
  governorate: r.governorate,
  nameAr: r.name_ar,
  nameEn: r.name_en,
  lat: r.lat,
  lon: r.lon,
});
