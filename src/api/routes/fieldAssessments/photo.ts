import { errors } from '../../../errors.ts';
import { checkPhotoPlace } from '../../../reconstruction/fieldAssessment.ts';
import { governorateAt } from '../../../reconstruction/boundaries.io.ts';
import { PHOTO_MAX_BYTES } from '../../../shared/fieldAssessment.ts';
import { addFieldPhoto } from '../../../store/reconstruction/addFieldPhoto.ts';
import { acceptedPhoto } from '../../photoBody.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { FieldPhotoView, PhotoBody, PhotoQuery } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/reconstruction/field-assessments/:id/photos',
  summary:
    "Add a photo to one of your field assessments: the body is the image itself (Content-Type image/jpeg, image/png or image/webp; at most 5 MiB), recognised by its first bytes. Its metadata (EXIF with GPS, XMP, comments, text) is removed before it is stored under a random id; no file name is kept. Where and when it was taken are fields. The photoId is the device's: a resend answers 200 and stores nothing.",
  tags: ['reconstruction'],
  params: IdParams,
  query: PhotoQuery,
  body: PhotoBody,
  bodyType: 'image/jpeg',
  response: FieldPhotoView,
  status: 201,
  handler: async ({ params, query, body, write }) => {
    const place = checkPhotoPlace(query, new Date(), governorateAt);
    if (Array.isArray(place)) throw errors.validation(place);
    const photo = acceptedPhoto(body, PHOTO_MAX_BYTES);
    return write(async (ctx) => {
      const r = await addFieldPhoto(ctx, params.id, { clientId: query.photoId.toLowerCase(), photo, ...place });
      return { status: r.created ? 201 : 200, body: r.photo };
    });
  },
});
