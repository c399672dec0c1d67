// Photos as the routes take them. One check for every photo Sanad stores (acceptedPhoto: its size,
// its type by its content, not the declared type, and its metadata stripped, by
// src/reconstruction/photo.ts), whichever route brings it. Image bodies (field assessment photos)
// are read as bytes for the routes that take one (their `bodyType`), never more than
// PHOTO_MAX_BYTES (413 photo_too_large as soon as the limit is passed, with nothing kept); any other
// route answers 415.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errors } from '../errors.ts';
import { checkPhoto, type StrippedPhoto } from '../reconstruction/photo.ts';
import { PHOTO_MAX_BYTES } from '../shared/fieldAssessment.ts';

/**
 * A photo as every route that takes one keeps it (an assessment's, an inspection's): checked and
 * stripped by the one rule, or refused with its problem before anything is stored.
 */
export function acceptedPhoto(bytes: Buffer, maxBytes: number): StrippedPhoto {
  const photo = checkPhoto(bytes, maxBytes);
  if (photo === 'too_large') throw errors.photoTooLarge(maxBytes);
  if (photo === 'wrong_type') throw errors.photoTypeNotAllowed();
  if (photo === 'unreadable') throw errors.photoUnreadable();
  return photo;
}

export function acceptPhotos(app: FastifyInstance, urls: ReadonlySet<string>): void {
  const parse = (req: FastifyRequest, payload: NodeJS.ReadableStream, done: (err: Error | null, body?: unknown) => void) => {
    if (!urls.has(req.routeOptions.url ?? '')) {
      payload.resume();
      return done(errors.unsupportedMediaType(), undefined);
    }
    if (Number(req.headers['content-length'] ?? 0) > PHOTO_MAX_BYTES) {
      payload.resume();
      return done(errors.photoTooLarge(PHOTO_MAX_BYTES), undefined);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    payload.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size > PHOTO_MAX_BYTES) {
        over = true;
        chunks.length = 0;
        done(errors.photoTooLarge(PHOTO_MAX_BYTES), undefined);
      } else chunks.push(c);
    });
    payload.on('end', () => {
      if (!over) done(null, Buffer.concat(chunks));
    });
    payload.on('error', (e: Error) => {
      if (!over) done(e, undefined);
    });
    return undefined;
  };
  app.addContentTypeParser(/^image\//, parse);
  app.addContentTypeParser('application/octet-stream', parse);
}
