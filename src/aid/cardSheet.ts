// The printable A4 sheet of a cycle's household cards, as HTML written piece by piece (a head, one
// card at a time, a tail), so that a sheet of 100,000 cards streams in constant memory. Eight cards
// a page (2 x 4, 90 x 64 mm each), one `section.page` per sheet of paper; on a screen narrower than
// a page the cards wrap. Each card: the QR code of the signed token (inline SVG), the printed number
// (digit groups kept left to right by <bdi dir="ltr">), the head's name (isolated: dir="auto"), the
// household's size with its Arabic plural form, the programme and cycle; never an identity number
// (the input has none). Arabic right to left or English; the browser does the shaping and the
// bidirectional ordering, which is why the sheet is HTML and not PDF. Pure: no I/O.
import { qrMatrix } from '../shared/qr.ts';

export type SheetLang = 'ar' | 'en';
export const CARDS_PER_PAGE = 8;
/**
 * The QR mask of every code on a sheet. Choosing each code's mask by the standard's penalty costs
 * eight evaluations (about 1.3 ms a code here: 130 s for 100,000 cards); a signed token's bits look
 * random, so the masks score alike: over 300 card tokens (version 8) mask 2 averaged a penalty of
 * 1,740 against 1,659 for each code's best mask (5 % more) and 2,014 for mask 0. Every mask
 * decodes (test/web/qr.test.ts); the household page keeps the per-code choice.
 */
export const SHEET_QR_MASK = 2;

/** What one card shows; `headName` null when the reader may not read the head's record. */
export type SheetCard = { serial: number; number: string; token: string; headName: string | null; size: number };
export type SheetHeader = { programme: string; cycleNumber: number; cards: number };

type Words = {
  title: string;
  cycle: (n: string) => string;
  number: string;
  head: string;
  headHidden: string;
  size: string;
  members: (n: number, digits: string) => string;
  qr: string;
  count: (n: string) => string;
  /** between the programme and the cycle: a comma, never a dot that reads as the Arabic zero */
  sep: string;
};
const ARABIC_PLURAL = new Intl.PluralRules('ar');
const WORDS: Record<SheetLang, Words> = {
  ar: {
    title: 'بطاقة الأسرة',
    cycle: (n) => `الدورة ${n}`,
    number: 'رقم البطاقة',
    head: 'رب الأسرة',
    headHidden: 'غير ظاهر لك',
    size: 'عدد الأفراد',
    members: (n, d) =>
      ({ zero: 'لا أفراد', one: 'فرد واحد', two: 'فردان', few: `${d} أفراد`, many: `${d} فرداً`, other: `${d} فرد` })[
        ARABIC_PLURAL.select(n) as 'zero' | 'one' | 'two' | 'few' | 'many' | 'other'
      ],
    qr: 'رمز الاستجابة السريعة للبطاقة',
    count: (n) => `عدد البطاقات: ${n}`,
    sep: '، ',
  },
  en: {
    title: 'Household card',
    cycle: (n) => `Cycle ${n}`,
    number: 'Card number',
    head: 'Head of household',
    headHidden: 'Not shown to you',
    size: 'Household size',
    members: (n, d) => (n === 1 ? 'One member' : `${d} members`),
    qr: 'QR code of the card',
    count: (n) => `Cards: ${n}`,
    sep: ', ',
  },
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text made safe for HTML content and attribute values. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
/** Arabic-Indic digits in the Arabic sheet (as the web app shows them), Latin in English. */
export const sheetDigits = (s: string, lang: SheetLang): string =>
  lang === 'ar' ? s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d))) : s;

const STYLE = `
@page { size: A4; margin: 10mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", Arial, sans-serif; color: #000; background: #fff; }
.sheet-info { margin: 8px; font-size: 14px; }
.page { display: flex; flex-wrap: wrap; gap: 4mm; justify-content: center; padding: 2mm; break-after: page; }
.page:last-child { break-after: auto; }
.card { width: 90mm; max-width: 100%; height: 64mm; border: 0.4mm dashed #555; border-radius: 3mm; padding: 3mm 4mm;
  display: grid; grid-template-columns: 36mm 1fr; grid-template-rows: auto 1fr; gap: 1mm 3mm; break-inside: avoid; overflow: hidden; }
.card header { grid-column: 1 / -1; display: flex; justify-content: space-between; gap: 2mm; font-size: 10pt; border-bottom: 0.3mm solid #000; padding-bottom: 1mm; }
.card header strong { font-size: 11pt; }
.card .qr { width: 36mm; height: 36mm; align-self: center; }
.card dl { margin: 0; font-size: 10pt; align-self: center; }
.card dt { color: #333; font-size: 8.5pt; }
.card dd { margin: 0 0 1.5mm; font-weight: bold; overflow-wrap: anywhere; }
.card .number { font-family: "DejaVu Sans Mono", monospace; font-size: 12pt; letter-spacing: 0.3mm; white-space: nowrap; }
@media print { .sheet-info { display: none; } }
`;

/** The document's start: language and direction, the print style sheet, a line saying how many cards follow. */
export function sheetStart(h: SheetHeader, lang: SheetLang): string {
  const w = WORDS[lang];
  const title = `${w.title}: ${escapeHtml(h.programme)}${w.sep}${w.cycle(sheetDigits(String(h.cycleNumber), lang))}`;
  return `<!doctype html>
<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${STYLE}</style></head>
<body><p class="sheet-info">${w.count(sheetDigits(String(h.cards), lang))}</p>
`;
}

/**
 * The dark modules as one stroked path, a horizontal line a run (`M` to a row's first run, then `m`
 * by the gap to the next): about half the size of a filled rectangle a run, which matters in a
 * sheet of 100,000 codes. `quiet` modules of margin.
 */
export function qrStrokePath(matrix: readonly (readonly boolean[])[], quiet = 4): string {
  let d = '';
  matrix.forEach((row, y) => {
    let end = -1; // where the last run of this row ended
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let len = 1;
      while (row[x + len]) len++;
      d += end < 0 ? `M${x + quiet} ${y + quiet}.5h${len}` : `m${x - end} 0h${len}`;
      end = x + len;
      x += len - 1;
    }
  });
  return d;
}

/** One card as HTML. */
export function cardHtml(c: SheetCard, h: SheetHeader, lang: SheetLang): string {
  const w = WORDS[lang];
  const m = qrMatrix(c.token, { mask: SHEET_QR_MASK });
  const side = m.length + 8;
  const head = c.headName === null ? w.headHidden : `<bdi dir="auto">${escapeHtml(c.headName)}</bdi>`;
  return `<article class="card" data-serial="${c.serial}"><header><strong>${w.title}</strong><span><bdi dir="auto">${escapeHtml(h.programme)}</bdi>${w.sep}${w.cycle(sheetDigits(String(h.cycleNumber), lang))}</span></header>
<svg class="qr" role="img" aria-label="${w.qr}" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/><path d="${qrStrokePath(m)}" stroke="#000" fill="none"/></svg>
<dl><dt>${w.number}</dt><dd><bdi dir="ltr" class="number">${sheetDigits(c.number, lang)}</bdi></dd><dt>${w.head}</dt><dd class="head">${head}</dd><dt>${w.size}</dt><dd class="size">${w.members(c.size, sheetDigits(String(c.size), lang))}</dd></dl></article>
`;
}

/** What goes before the card at `index` (0-based): a new sheet of paper every eight cards. */
export const pageBreak = (index: number): string =>
  index % CARDS_PER_PAGE !== 0 ? '' : `${index > 0 ? '</section>\n' : ''}<section class="page">\n`;

/** The document's end, after `cards` cards. */
export const sheetEnd = (cards: number): string => `${cards > 0 ? '</section>\n' : ''}</body></html>\n`;
