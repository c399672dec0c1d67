// English texts of the problems of operations (readiness, metrics), typed against the Arabic ones.
import type { serversAr } from './servers.ar.ts';

export const serversEn: Record<keyof typeof serversAr, string> = {
  'problem.migrations_pending': 'The database lacks migrations this server needs. Start the newest server once to apply them.',
  'problem.metrics_forbidden':
    'The metrics are for the monitoring system only: send the metrics token, or connect from this machine directly.',
};
