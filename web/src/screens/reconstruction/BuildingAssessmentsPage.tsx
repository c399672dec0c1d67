// A building's assessments on a page of their own (/buildings/:id/assessments), until the building
// page mounts BuildingAssessments itself.
import { Screen } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { BuildingAssessments } from './BuildingAssessments.tsx';

export function BuildingAssessmentsPage({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <Screen title={t('assess.building.title')}>
      <BuildingAssessments buildingId={id} />
    </Screen>
  );
}
