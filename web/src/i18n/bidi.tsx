// Bidirectional text: numbers, dates and Latin words inside Arabic lines (and Arabic inside English
// ones) keep their order only when isolated. Two traps this file exists for:
//  - Arabic-Indic digits are "Arabic numbers" for the Unicode bidirectional algorithm, and the
//    spaces between two groups of them take the right-to-left direction even inside a left-to-right
//    isolate: "٠٠٠١ ٠٠٠٨" shows as "٠٠٠٨ ٠٠٠١". CardNumber overrides the direction of its
//    characters (they are all digits and spaces) so they are laid out left to right, in order.
//  - The middle dot "·" looks like the Arabic zero "٠" next to Arabic digits ("الدورة ١ · ٦ ديسمبر"
//    reads as ٦٠١): lists are joined with the language's comma instead (useI18n().sep).
import { Fragment, type ReactNode } from 'react';
import { cardNumberGroups } from './cardGroups.ts';
import { useI18n } from './index.tsx';

const FSI = '\u2068';
const PDI = '\u2069';

/** A fragment (a name, a date, a number) isolated inside a sentence, its direction from its own first strong letter. */
export const isolate = (s: string): string => `${FSI}${s}${PDI}`;

/**
 * A printed card number: monospaced, its characters laid out left to right in their order whatever
 * the line's direction (unicode-bidi: isolate-override in .card-no), so the groups of four stay in
 * place in right-to-left lines too; one text node, as it reads.
 */
export function CardNumber({ number, className }: { number: string; className?: string }) {
  const { digitsOf } = useI18n();
  return (
    <bdi dir="ltr" className={`mono card-no${className ? ` ${className}` : ''}`}>
      {cardNumberGroups(number, digitsOf).join(' ')}
    </bdi>
  );
}

/** A message with its {placeholders} filled by nodes (a card number, a name in <bdi>). */
export function withNodes(template: string, nodes: Record<string, ReactNode>): ReactNode[] {
  return template.split(/(\{\w+\})/).map((part, i) => {
    const m = /^\{(\w+)\}$/.exec(part);
    return <Fragment key={i}>{m && m[1]! in nodes ? nodes[m[1]!] : part}</Fragment>;
  });
}
