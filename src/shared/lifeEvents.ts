// Life events of a person: what happened (a death, an injury, a disability, a loss...), who says so
// (the source), how sure they are, and whether it is confirmed. Shared by the server and the web app.

export const lifeEventKinds = [
  'death',
  'injury',
  'disability',
  'missing',
  'found',
  'orphaned',
  'separated',
  'lost_home',
  'lost_livelihood',
  'recovered',
] as const;
export type LifeEventKind = (typeof lifeEventKinds)[number];

/** Where the information comes from. An official record (a civil registry or ministry certificate) confirms on its own. */
export const lifeEventSources = [
  'hospital',
  'health_ministry_list',
  'family_report',
  'field_visit',
  'other_organisation',
  'official_record',
] as const;
export type LifeEventSource = (typeof lifeEventSources)[number];

export const confidences = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof confidences)[number];

export const injurySeverities = ['minor', 'moderate', 'severe'] as const;

/** The Washington Group short set: six domains, each answered on four levels of difficulty. */
export const wgDomains = ['seeing', 'hearing', 'walking', 'cognition', 'self_care', 'communication'] as const;
export const wgLevels = ['no_difficulty', 'some_difficulty', 'a_lot_of_difficulty', 'cannot_do'] as const;
export type WgDomain = (typeof wgDomains)[number];
export type WgLevel = (typeof wgLevels)[number];

/** A reported event waits for a second, independent source; a confirmed one changes what follows. */
export const lifeEventStates = ['reported', 'confirmed', 'withdrawn'] as const;
export type LifeEventState = (typeof lifeEventStates)[number];

/** What follows from an event, always done by a person: a task, never applied behind anyone's back. */
export const taskKinds = ['new_head', 'record_vulnerability'] as const;
export type TaskKind = (typeof taskKinds)[number];
export const taskStates = ['open', 'done', 'dismissed'] as const;
