import { approveVendor } from '../../../../store/reconstruction/tranches/approveVendor.ts';
import { defineRoute } from '../../../route.ts';
import { VendorInput, VendorView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/reconstruction/vendors',
  summary: 'Approves a vendor of materials: an organisation in a governorate, signed in through an account of the role vendor',
  tags: ['reconstruction'],
  body: VendorInput,
  response: VendorView,
  status: 201,
  idempotent: true,
  handler: async ({ body, created }) => created((ctx) => approveVendor(ctx, body)),
});
