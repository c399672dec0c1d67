// Governorate weights for synthetic households: roughly proportional to resident population
// (thousands, rounded, around 2023), so both territories appear in realistic proportion.
import { governorates } from '../places/governorates.ts';
import { AliasTable } from './random.ts';

const population: Record<string, number> = {
  PS0101: 360,
  PS0105: 67,
  PS0110: 200,
  PS0115: 420,
  PS0120: 125,
  PS0125: 85,
  PS0130: 350,
  PS0135: 55,
  PS0140: 470,
  PS0145: 235,
  PS0150: 840,
  PS0255: 440,
  PS0260: 780,
  PS0265: 310,
  PS0270: 440,
  PS0275: 275,
};

export const allGovernorates: readonly string[] = governorates.map((g) => g.pcode);
for (const code of allGovernorates) if (!(code in population)) throw new Error(`no population weight for ${code}`);

export const gazaGovernorates: readonly string[] = allGovernorates.filter((c) => c.startsWith('PS02'));
export const westBankGovernorates: readonly string[] = allGovernorates.filter((c) => c.startsWith('PS01'));
export const isGaza = (code: string): boolean => code.startsWith('PS02');

/** Where households live, weighted by population. */
export const governorateTable = new AliasTable(
  allGovernorates,
  allGovernorates.map((c) => population[c] as number),
);

/** Where displaced Gaza households went: mostly south and centre (evacuation orders pointed there). */
const gazaRefuge: Record<string, number> = { PS0255: 1, PS0260: 3, PS0265: 8, PS0270: 9, PS0275: 7 };
export const gazaRefugeTable = new AliasTable(
  gazaGovernorates,
  gazaGovernorates.map((c) => gazaRefuge[c] as number),
);
