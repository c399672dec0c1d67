// Reconstruction (#16): the vocabulary shared by the server and the web app. Buildings and their
// uses, housing units, how a household held a unit (occupancy), the remote damage classes (UNOSAT's
// five), and the limits every building geometry and damage import is held to. Pure data, no I/O.

export const buildingUses = ['residential', 'mixed', 'commercial', 'public', 'other', 'unknown'] as const;
export type BuildingUse = (typeof buildingUses)[number];

export const buildingSources = ['field', 'remote_import'] as const;
export type BuildingSource = (typeof buildingSources)[number];

/** How a household held the unit it lived in. */
export const tenures = ['owner', 'tenant', 'owner_family', 'other'] as const;
export type Tenure = (typeof tenures)[number];

/** Remote (satellite imagery) damage classes, worst first. */
export const damageClasses = ['destroyed', 'severely_damaged', 'moderately_damaged', 'possibly_damaged', 'no_visible_damage'] as const;
export type DamageClass = (typeof damageClasses)[number];

/** The most vertices a footprint polygon may have (all rings together): a house, not a territory. */
export const MAX_POLYGON_VERTICES = 500;
/** A footprint may span at most this much in either direction (degrees; ~1 km). */
export const MAX_FOOTPRINT_SPAN_DEG = 0.01;
/** The side of a matching grid cell in metres; no tolerance may exceed it (decision 0026). */
export const GRID_CELL_M = 50;
/** The default distance within which an assessed structure is the same as a building. */
export const DEFAULT_MATCH_TOLERANCE_M = 15;
/** Two buildings whose distances to an assessed point differ by less than this are as near: the row is ambiguous. */
export const AMBIGUITY_MARGIN_M = 1;
/** Floors a building may have; the floor a unit may be on. */
export const MAX_FLOORS = 200;
export const MIN_UNIT_FLOOR = -5;

/** The sanad columns of a damage file (a mapping file maps the file's own column names onto these). */
export const damageColumns = ['lon', 'lat', 'damage_class', 'imagery_date', 'structure_ref'] as const;
export type DamageColumn = (typeof damageColumns)[number];
