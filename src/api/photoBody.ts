// Image bodies (field assessment photos): read as bytes for the routes that take one (their
// `bodyType`), never more than PHOTO_MAX_BYTES (413 photo_too_large as soon as the limit is passed,
// with nothing kept); any other route answers 415. What the bytes are is decided by their content
// (src/reconstruction/photo.ts), not by the declared type.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errors } from '../errors.ts';
import { PHOTO_MAX_BYTES } from '../shared/fieldAssessment.ts';

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
