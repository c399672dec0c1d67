// Arabic texts of reconstruction (#16): roles, buildings, units, occupancy, damage imports.
export const reconstructionAr = {
  'role.engineer': 'مهندس',
  'role.claims_officer': 'موظف مطالبات',
  'role.reconstruction_committee': 'عضو لجنة إعادة الإعمار',
  'role.vendor': 'مورّد مواد بناء',
} as const;
