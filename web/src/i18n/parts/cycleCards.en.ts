import type { cycleCardsAr, cycleCardsProblemsAr } from './cycleCards.ar.ts';

export const cycleCardsProblemsEn: Record<keyof typeof cycleCardsProblemsAr, string> = {
  'problem.cycle_cards_not_generated':
    'Cards are issued and printed for a cycle whose entitlement list was generated and that is not closed.',
};

export const cycleCardsEn: Record<keyof typeof cycleCardsAr, string> = {
  'cycleCards.open': 'Cards of the cycle and printing',
  'cycleCards.title': 'Cards of a cycle',
  'cycleCards.cycle': 'cycle {number}',
  'cycleCards.sep': ', ',
  'cycleCards.entitled': 'Households entitled in this cycle: {households}',
  'cycleCards.withCard': 'With a valid card: {households}',
  'cycleCards.withoutCard': 'Without a valid card: {households}',
  'cycleCards.issue': 'Issue the missing cards',
  'cycleCards.issueQuestion': 'A card is issued to every entitled household that has no valid card. Continue?',
  'cycleCards.progress': 'Issuing progress',
  'cycleCards.progressText': 'With a card: {done} of {total}',
  'cycleCards.stop': 'Stop issuing',
  'cycleCards.allIssued': 'Every entitled household has a valid card.',
  'cycleCards.printTitle': 'Print the cards',
  'cycleCards.printHelp':
    "The print sheet opens in a new window: eight cards on each A4 page, with the QR code, the card number, the head's name and the household size, never an ID number. Every printing is recorded in the change log.",
  'cycleCards.language': 'Language of the cards',
  'cycleCards.lang.ar': 'Arabic',
  'cycleCards.lang.en': 'English',
  'cycleCards.part': 'Part to print',
  'cycleCards.partRange': 'Cards {from} to {to}',
  'cycleCards.openSheet': 'Open the print sheet',
  'cycleCards.opening': 'Preparing the sheet…',
  'cycleCards.sheetOpened': 'The print sheet opened in a new window ({cards}).',
  'cycleCards.cards.zero': 'no cards',
  'cycleCards.cards.one': '1 card',
  'cycleCards.cards.two': '2 cards',
  'cycleCards.cards.few': '{count} cards',
  'cycleCards.cards.many': '{count} cards',
  'cycleCards.cards.other': '{count} cards',
  'cycleCards.popupBlocked': 'The browser blocked the new window: allow pop-ups for Sanad and try again.',
  'cycleCards.cli': 'To print a large cycle in one go, an operator runs on the server:',
  'cycleCards.noCards': 'No valid cards to print yet: issue the cards first.',
  'cycleCards.back': 'Back to the programme',
};
