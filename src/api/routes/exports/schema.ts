import { z } from 'zod';

export const ExportFormat = z.enum(['csv', 'xlsx']);

/** What an export is filtered by: in the body, never in the URL. */
export const ExportBody = z.object({
  format: ExportFormat.default('csv'),
  governorate: z
    .string()
    .regex(/^PS0[12][0-9]{2}$/)
    .optional()
    .describe('P-code of one of your governorates; all of them when absent'),
});

/** The header naming how many data rows the file holds. */
export const ROWS_HEADER = 'x-export-rows';
