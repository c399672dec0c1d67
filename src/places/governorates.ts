// The two territories and 16 governorates with their OCHA P-codes (COD-AB v01; see data/ATTRIBUTION.md).
export type Territory = { pcode: 'PS01' | 'PS02'; nameEn: string; nameAr: string };
export type Governorate = { pcode: string; territory: Territory['pcode']; nameEn: string; nameAr: string };

export const territories: readonly Territory[] = [
  { pcode: 'PS01', nameEn: 'West Bank', nameAr: 'الضفة الغربية' },
  { pcode: 'PS02', nameEn: 'Gaza Strip', nameAr: 'قطاع غزة' },
];

export const governorates: readonly Governorate[] = [
  { pcode: 'PS0101', territory: 'PS01', nameEn: 'Jenin', nameAr: 'جنين' },
  { pcode: 'PS0105', territory: 'PS01', nameEn: 'Tubas', nameAr: 'طوباس' },
  { pcode: 'PS0110', territory: 'PS01', nameEn: 'Tulkarm', nameAr: 'طولكرم' },
  { pcode: 'PS0115', territory: 'PS01', nameEn: 'Nablus', nameAr: 'نابلس' },
  { pcode: 'PS0120', territory: 'PS01', nameEn: 'Qalqilya', nameAr: 'قلقيلية' },
  { pcode: 'PS0125', territory: 'PS01', nameEn: 'Salfit', nameAr: 'سلفيت' },
  { pcode: 'PS0130', territory: 'PS01', nameEn: 'Ramallah', nameAr: 'رام الله والبيرة' },
  { pcode: 'PS0135', territory: 'PS01', nameEn: 'Jericho', nameAr: 'أريحا' },
  { pcode: 'PS0140', territory: 'PS01', nameEn: 'Jerusalem', nameAr: 'القدس' },
  { pcode: 'PS0145', territory: 'PS01', nameEn: 'Bethlehem', nameAr: 'بيت لحم' },
  { pcode: 'PS0150', territory: 'PS01', nameEn: 'Hebron', nameAr: 'الخليل' },
  { pcode: 'PS0255', territory: 'PS02', nameEn: 'North Gaza', nameAr: 'شمال غزة' },
  { pcode: 'PS0260', territory: 'PS02', nameEn: 'Gaza', nameAr: 'غزة' },
  { pcode: 'PS0265', territory: 'PS02', nameEn: 'Deir Al-Balah', nameAr: 'دير البلح' },
  { pcode: 'PS0270', territory: 'PS02', nameEn: 'Khan Younis', nameAr: 'خان يونس' },
  { pcode: 'PS0275', territory: 'PS02', nameEn: 'Rafah', nameAr: 'رفح' },
];

export const governorateCodes: readonly string[] = governorates.map((g) => g.pcode);
export const isGovernorate = (code: string): boolean => governorateCodes.includes(code);
