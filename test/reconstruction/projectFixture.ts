// A reconstruction project as a client sends it (test data: invented organisations).
export const projectBody = (over: Record<string, unknown> = {}) => ({
  iatiIdentifier: 'PS-MOI-12345-RECON-0001',
  reportingOrg: { ref: 'PS-MOI-12345', type: '22', name: 'Example Relief Society' },
  title: { en: 'Repair of housing units in Gaza', ar: 'ترميم الوحدات السكنية في غزة' },
  description: { en: 'Repair of partially damaged homes.', ar: 'ترميم المنازل المتضررة جزئيًا.' },
  participatingOrgs: [
    { role: '1', ref: 'XM-DAC-41114', type: '40', name: 'Example Fund' },
    { role: '4', ref: 'PS-MOI-12345', type: '22', name: 'Example Relief Society' },
  ],
  activityStatus: '2',
  plannedStart: '2026-01-01',
  plannedEnd: '2027-06-30',
  actualStart: '2026-01-15',
  currency: 'USD',
  sectors: [
    { code: '73010', percentage: 70 },
    { code: '16040', percentage: 30 },
  ],
  locations: [{ governorate: 'PS0260', point: { lat: 31.5017, lon: 34.4668 } }, { governorate: 'PS0270' }],
  budgets: [{ periodStart: '2026-01-01', periodEnd: '2026-12-31', value: 500000 }],
  housingUnits: 120,
  ...over,
});
