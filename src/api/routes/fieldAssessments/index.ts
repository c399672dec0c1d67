// Field assessments (#16): the catalogue, the engineer's offline pack, assessments and their photos.
import type { RouteDef } from '../../route.ts';
import building from './building.ts';
import materials from './materials.ts';
import pack from './pack.ts';
import photo from './photo.ts';
import photoGet from './photoGet.ts';
import record from './record.ts';

export const fieldAssessmentRoutes: RouteDef[] = [materials, pack, record, photo, photoGet, building];
