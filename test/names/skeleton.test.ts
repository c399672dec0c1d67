import fs from 'node:fs';
import { sharedData } from '../support/sharedData.ts';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { arabicTokens } from '../../src/names/arabic.ts';
import { latinTokens } from '../../src/names/latin.ts';
import { skeleton } from '../../src/names/skeleton.ts';
import { mixedText } from './arbitraries.ts';

const same = (...names: string[]) => new Set(names.map(skeleton)).size === 1;

describe('skeleton', () => {
  test.each([
    [['محمد', 'Mohammed', 'Muhammad', 'Mohamad', 'Mohamed', 'Muhamad', 'مُحَمَّد']],
    [['محمود', 'Mahmoud', 'Mahmud', 'Mahmood']],
    [['احمد', 'أحمد', 'Ahmed', 'Ahmad']],
    [['عبدالرحمن', 'عبد الرحمن', 'Abdel Rahman', 'Abdul-Rahman', 'Abd al-Rahman', 'Abdelrahman', 'Abdurrahman', 'Abd ar-Rahman']],
    [['عبدالله', 'عبد الله', 'Abdullah', 'Abdallah', 'Abdalla', 'Abd Allah']],
    [['عبدالعزيز', 'Abdelaziz', 'Abdulaziz', 'Abd al-Aziz']],
    [['النجار', 'ال نجار', 'Al-Najjar', 'El Najjar', 'al-Najjar', 'Alnajjar', 'Najjar', 'نجار']],
    [['خالد', 'Khaled', 'Khalid']],
    [['شادي', 'Shadi', 'Chadi']],
    [['يوسف', 'Yousef', 'Youssef', 'Yousif']],
    [['ابراهيم', 'إبراهيم', 'Ibrahim', 'Ebrahim', 'Ibraheem']],
    [['فاطمة', 'فاطمه', 'Fatima', 'Fatmeh', 'Fatma']],
    [['فتحي', 'Fathi', 'Fathy']],
    [['رمضان', 'Ramadan', 'Ramadhan']],
    [['عثمان', 'Othman', 'Uthman']],
    [['قاسم', 'Qasem', 'Kassem', 'Qassim']],
    [['نور الدين', 'نورالدين', 'Nour Eddine', 'Nureddin', 'Nour al-Din']],
    [['علي', 'Ali', 'Aly']],
    [['صالح', 'Saleh', 'Salih']],
    [['طه', 'Taha']],
  ])('one key for %j', (names) => {
    expect(same(...names)).toBe(true);
  });

  test.each([
    ['محمد', 'محمود'],
    ['Muhammad', 'Mahmoud'],
    ['احمد', 'محمد'],
    ['خالد', 'جلال'],
    ['Ali', 'Omar'],
  ])('%s and %s differ', (a, b) => {
    expect(skeleton(a)).not.toBe(skeleton(b));
  });

  test('known collision: short vowels are not written, so حسن Hassan and حسين Hussein share a key', () => {
    expect(same('حسين', 'حسن', 'Hussein', 'Hassan')).toBe(true);
  });

  test('never throws; is ASCII and is a function of the normalised token', () => {
    fc.assert(
      fc.property(mixedText, (s) => {
        const k = skeleton(s);
        expect(k).toMatch(/^[a-z0-9]*$/);
        expect(skeleton(s)).toBe(k);
      }),
      { numRuns: 2000 },
    );
  });

  const data = sharedData('names', 'gaza-names-ar-en.dev.csv');
  test('agrees on 95% of published Arabic/Latin token pairs (read at run time)', () => {
    const lines = fs.readFileSync(data, 'utf8').split('\n').slice(1);
    let pairs = 0;
    let equal = 0;
    for (const line of lines) {
      const [ar, la] = line.split(',');
      if (!ar || !la) continue;
      const a = arabicTokens(ar);
      const l = latinTokens(la);
      if (a.length !== l.length) continue;
      a.forEach((t, i) => {
        pairs++;
        if (skeleton(t) === skeleton(l[i]!)) equal++;
      });
    }
    expect(pairs).toBeGreaterThan(40_000);
    expect(equal / pairs).toBeGreaterThan(0.95);
  });
});
