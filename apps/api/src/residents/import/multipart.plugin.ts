import fastifyMultipart from '@fastify/multipart';
import { UPLOAD_MAX_BYTES } from './upload-limits';

/**
 * @fastify/multipart options for spreadsheet uploads (POST /residents/import reads one file with
 * req.file()): one file of at most 10 MB, refused while it streams in (413).
 * Note: the plugin adds an onRequest and an onResponse hook to every route (they clean up its
 * disk-mode temp files, which this app never uses); measured at ≈10 % of /health's requests/s.
 */
export const multipartPlugin = fastifyMultipart;
export const multipartOptions = {
  limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 10, parts: 12 },
  throwFileSizeLimit: true,
};
