import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { link } from '../../src/linkage/engine.ts';
import type { RawRecord } from '../../src/linkage/fields.ts';

function withCheckDigit(d8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    let d = (d8.charCodeAt(i) - 48) * ((i % 2) + 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return d8 + ((10 - (sum % 10)) % 10);
}

// A small registry: families of brothers (sharing father, grandfather and family names), each person
// registered twice with typical variations.
function registry(): { rows: RawRecord[]; truth: number[] } {
  const given = ['محمد', 'أحمد', 'خالد', 'يوسف', 'سامي', 'علي', 'عمر', 'حسن'];
  const fathers = ['إبراهيم', 'سعيد', 'محمود', 'رامي', 'ماهر', 'نبيل', 'وليد', 'طارق', 'جمال', 'عادل'];
  const families = ['النجار', 'المصري', 'الحلو', 'الشامي', 'العطار', 'الغول', 'البطش', 'السقا', 'الدلو', 'عياد'];
  const rows: RawRecord[] = [],
    truth: number[] = [];
  let p = 0;
  for (let f = 0; f < 40; f++) {
    const fam = families[f % 10]!,
      father = fathers[(f + Math.floor(f / 10)) % 10]!,
      gf = fathers[(f + Math.floor(f / 10) + 3) % 10]!;
    for (let k = 0; k < 3; k++) {
      const g = given[(f + k * 3) % 8]!;
      const y = 1980 + ((f * 5 + k * 3) % 30),
        m = 1 + ((f + k) % 12),
        d = 1 + ((f * 7 + k) % 28);
      const dob = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const id = withCheckDigit(String(10000000 + p * 7919).slice(0, 8));
      rows.push({
        record_id: `r${p}a`,
        given_name: g,
        father_name: father,
        grandfather_name: gf,
        family_name: fam,
        date_of_birth: dob,
        national_id: id,
        sex: 'm',
        phone: `05990${f}1234`,
      });
      truth.push(p);
      rows.push({
        record_id: `r${p}b`,
        given_name: g.replace('أ', 'ا'),
        father_name: father.replace('إ', 'ا'),
        family_name: fam.replace(/^ال/, ''),
        date_of_birth: k === 0 ? String(y) : dob,
        national_id: '',
        sex: 'm',
        phone: '',
      });
      truth.push(p);
      p++;
    }
  }
  return { rows, truth };
}

describe('link (deduplicate one input)', () => {
  const { rows, truth } = registry();
  const r = link([rows], { uSamples: 20000 });
  it('puts every record in exactly one cluster', () => {
    expect(r.clusterOf.length).toBe(rows.length);
    expect(new Set(r.clusterOf).size).toBe(r.stats.clusters);
  });
  it('merges the two registrations of a person and never merges brothers', () => {
    let sameOk = 0;
    for (let i = 0; i < rows.length; i++)
      for (let j = i + 1; j < rows.length; j++) {
        const same = r.clusterOf[i] === r.clusterOf[j];
        if (truth[i] !== truth[j]) expect(same, `${rows[i]!.record_id} ~ ${rows[j]!.record_id}`).toBe(false);
        else if (same) sameOk++;
      }
    expect(sameOk).toBeGreaterThanOrEqual(110);
  });
  it('explains every scored pair field by field', () => {
    const ex = r.explain(0, 1);
    expect(ex.map((c) => c.field)).toContain('family');
    const fam = ex.find((c) => c.field === 'family')!;
    expect(fam.weight + fam.tf).toBeGreaterThan(0);
  });
  it('never links two different valid national IDs automatically', () => {
    const a = {
      record_id: 'x1',
      given_name: 'محمد',
      father_name: 'سعيد',
      family_name: 'النجار',
      date_of_birth: '1990-03-12',
      national_id: '123456782',
    };
    const b = { ...a, record_id: 'x2', national_id: '234567899' };
    const rr = link([[...rows, a, b]], { uSamples: 20000 });
    const n = rows.length;
    expect(rr.dataset.conflict(n, n + 1)).toBe(true);
    expect(rr.clusterOf[n]).not.toBe(rr.clusterOf[n + 1]);
  });
});

describe('link (two inputs, one-to-one)', () => {
  it('links each record of A to at most one record of B', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (seed) => {
        const { rows } = registry();
        const a = rows.filter((_, k) => k % 2 === 0),
          b = rows.filter((_, k) => (k + seed) % 2 === 1);
        const r = link([a, b], { oneToOne: true, uSamples: 5000 });
        const seen = new Map<number, number>();
        for (let i = 0; i < r.dataset.n; i++) {
          const c = r.clusterOf[i]!;
          const bit = 1 << r.dataset.source.a[i]!;
          expect((seen.get(c) ?? 0) & bit).toBe(0);
          seen.set(c, (seen.get(c) ?? 0) | bit);
        }
      }),
      { numRuns: 3 },
    );
  });
});
