import { describe, expect, it } from 'vitest';
import { link } from '../../src/linkage/engine.ts';
import { LinkageIndex } from '../../src/linkage/incremental.ts';
import type { RawRecord } from '../../src/linkage/fields.ts';

const base: RawRecord[] = [];
const names = ['محمد', 'أحمد', 'خالد', 'يوسف', 'سامي', 'علي', 'عمر', 'حسن', 'رامي', 'ماهر'];
for (let i = 0; i < 400; i++)
  base.push({
    record_id: `p${i}`,
    given_name: names[i % 10]!,
    father_name: names[(i * 3 + 1) % 10]!,
    grandfather_name: names[(i * 7 + 2) % 10]!,
    family_name: ['النجار', 'المصري', 'الحلو', 'الشامي', 'العطار'][i % 5]!,
    date_of_birth: `${1960 + (i % 47)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    sex: 'm',
  });

describe('incremental check of one new registration', () => {
  const r = link([base], { uSamples: 20000 });
  const idx = LinkageIndex.fromResult(r);
  it('finds the registered person first, with an explanation', () => {
    const q = { ...base[123]!, record_id: 'new', given_name: base[123]!.given_name!.replace('أ', 'ا') };
    const m = idx.check(q);
    expect(m[0]?.recordId).toBe('p123');
    expect(m[0]!.explanation.length).toBe(r.dataset.fields.length);
  });
  it('sees records added after the build, and a check stores nothing', () => {
    const n = r.dataset.n;
    idx.check({ record_id: 'tmp', given_name: 'زياد', father_name: 'نبيل', family_name: 'السقا', date_of_birth: '1999-09-09' });
    expect(r.dataset.n).toBe(n);
    idx.add({ record_id: 'z1', given_name: 'زياد', father_name: 'نبيل', family_name: 'السقا', date_of_birth: '1999-09-09' });
    const m = idx.check({ record_id: 'z2', given_name: 'زياد', father_name: 'نبيل', family_name: 'السقا', date_of_birth: '1999-09-09' });
    expect(m[0]?.recordId).toBe('z1');
  });
});
