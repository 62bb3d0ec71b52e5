import { ConflictException, Inject, Injectable, NotFoundException, UnsupportedMediaTypeException, PayloadTooLargeException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource, In } from 'typeorm';
import type { AuthPrincipal } from '../common/auth-principal';
import { AccessService } from '../common/access/access.service';
import { ChangeFeed } from '../common/changes/change-feed';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JobPosting } from './entities/job-posting.entity';
import { PostPhoto } from './entities/post-photo.entity';

export const MAX_PHOTOS = 3;
/** The phone compresses before sending; a photo larger than this is refused (413). */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
const EXT = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;

/** The type from the first bytes (never the file name or the header the phone sent). */
export function photoTypeOf(b: Buffer): PostPhoto['mime'] | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length >= 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return null;
}

export const photoUrl = (postId: string, photoId: string) => `/posts/${postId}/photos/${photoId}`;

/**
 * Photos of a post (the workplace, the dormitory): up to 3, JPG/PNG/WebP told by their bytes, at most 2 MB each,
 * added and removed by the post's employer; kept on disk under PHOTO_DIR (the record in the database). Shown with
 * the post to whoever may see the post.
 */
@Injectable()
export class PostPhotosService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly changes: ChangeFeed,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async add(postId: string, bytes: Buffer, actor: AuthPrincipal): Promise<{ id: string; url: string }> {
    const post = await this.post(postId);
    await this.access.require(actor, 'post.write', { employerId: post.employerId });
    if (bytes.length > PHOTO_MAX_BYTES) throw new PayloadTooLargeException({ statusCode: 413, message: '照片太大了：每张最大2MB，请重新拍一张或选小一点的' });
    const mime = photoTypeOf(bytes);
    if (!mime) throw new UnsupportedMediaTypeException({ statusCode: 415, message: '只能上传照片（JPG、PNG 或 WebP）' });
    const count = await this.ds.getRepository(PostPhoto).countBy({ postId });
    if (count >= MAX_PHOTOS) throw new ConflictException(`每个岗位最多${MAX_PHOTOS}张照片，请先删掉一张`);
    const id = randomUUID();
    await mkdir(this.config.photoDir, { recursive: true });
    await writeFile(this.file(id, mime), bytes);
    // The time set here (with milliseconds on every database) keeps the photos in the order they were added.
    await this.ds.getRepository(PostPhoto).insert({ id, postId, mime, bytes: bytes.length, createdBy: actor.userId, createdAt: new Date() });
    // The post as listed changed (its photos): cached pages of posts are dropped.
    this.changes.publish({ kind: 'post', ids: [postId] });
    return { id, url: photoUrl(postId, id) };
  }

  async remove(postId: string, photoId: string, actor: AuthPrincipal): Promise<void> {
    const post = await this.post(postId);
    await this.access.require(actor, 'post.write', { employerId: post.employerId });
    const photo = await this.ds.getRepository(PostPhoto).findOneBy({ id: photoId, postId });
    if (!photo) throw new NotFoundException('照片不存在');
    await this.ds.getRepository(PostPhoto).delete({ id: photoId });
    this.changes.publish({ kind: 'post', ids: [postId] });
    await rm(this.file(photo.id, photo.mime), { force: true });
  }

  /** The bytes, for whoever may see the post: anyone while it is published; its employer and admins always. */
  async read(postId: string, photoId: string, actor: AuthPrincipal | undefined): Promise<{ bytes: Buffer; mime: string }> {
    const post = await this.post(postId);
    if (post.status !== 'published' && !(actor && (await this.access.may(actor, 'post.read', { employerId: post.employerId, townCode: post.townCode })))) throw new NotFoundException('照片不存在');
    const photo = await this.ds.getRepository(PostPhoto).findOneBy({ id: photoId, postId });
    if (!photo) throw new NotFoundException('照片不存在');
    try {
      return { bytes: await readFile(this.file(photo.id, photo.mime)), mime: photo.mime };
    } catch {
      throw new NotFoundException('照片不存在');
    }
  }

  /** postId → its photos, in the order they were added (one query for a page of posts). */
  async of(postIds: string[]): Promise<Map<string, { id: string; url: string }[]>> {
    const out = new Map<string, { id: string; url: string }[]>();
    if (postIds.length === 0) return out;
    const rows = await this.ds.getRepository(PostPhoto).find({ where: { postId: In(postIds) }, order: { createdAt: 'ASC', id: 'ASC' }, select: { id: true, postId: true } });
    for (const r of rows) out.set(r.postId, [...(out.get(r.postId) ?? []), { id: r.id, url: photoUrl(r.postId, r.id) }]);
    return out;
  }

  private file(id: string, mime: PostPhoto['mime']): string {
    return join(this.config.photoDir, `${id}.${EXT[mime]}`);
  }

  private async post(id: string): Promise<JobPosting> {
    const post = await this.ds.getRepository(JobPosting).findOne({ where: { id }, select: { id: true, employerId: true, status: true, townCode: true } });
    if (!post) throw new NotFoundException('岗位不存在');
    return post;
  }
}
