// English texts of the problems of life events and their tasks, typed against the Arabic ones.
import type { lifeProblemsAr } from './lifeProblems.ar.ts';

export const lifeProblemsEn: Record<keyof typeof lifeProblemsAr, string> = {
  'problem.life_event_withdrawn': 'This report was withdrawn and cannot be changed. Report the event again.',
  'problem.task_closed': 'This task was already done or dismissed.',
};
