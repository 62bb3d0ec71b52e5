import { BadRequestException, Controller, Delete, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, PayloadTooLargeException, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { MultipartFile } from '@fastify/multipart';
import type { AuthPrincipal } from '../common/auth-principal';
import { CurrentUser, Public, Roles } from '../common/decorators/auth.decorators';
import type { UploadRequest } from '../residents/import/residents-spreadsheet.controller';
import { PostPhotosService } from './post-photos.service';

const postPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('岗位不存在') });
const photoPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('照片不存在') });
const bad = (message: string) => new BadRequestException({ statusCode: 400, message, errors: [{ field: 'file', message }] });
const tooLarge = () => new PayloadTooLargeException({ statusCode: 413, message: '照片太大了：每张最大2MB，请重新拍一张或选小一点的' });
const isTooLarge = (e: unknown) => ['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT'].includes((e as { code?: string })?.code ?? '');

/** The photo's bytes (multipart field `file`): 400 without one, 413 above the upload limit. */
async function readPhoto(req: UploadRequest): Promise<Buffer> {
  if (!req.isMultipart?.() || !req.file) throw bad('请用表单上传照片（字段名 file）');
  let part: MultipartFile | undefined;
  try {
    part = await req.file();
    if (!part || part.fieldname !== 'file') throw bad('没有收到照片，请重新选择');
    return await part.toBuffer();
  } catch (e) {
    if (isTooLarge(e)) throw tooLarge();
    if (e instanceof BadRequestException) throw e;
    throw bad('上传的内容不完整，请重新选择照片上传');
  }
}

/** Photos of a post (docs/business-logic/post-photos.md). */
@ApiTags('posts')
@ApiBearerAuth()
@Controller('posts/:id/photos')
export class PostPhotosController {
  constructor(private readonly photos: PostPhotosService) {}

  @Post()
  @Roles('employer')
  @ApiConsumes('multipart/form-data')
  async add(@Param('id', postPipe) id: string, @Req() req: UploadRequest, @CurrentUser() user: AuthPrincipal): Promise<{ id: string; url: string }> {
    return this.photos.add(id, await readPhoto(req), user);
  }

  @Delete(':photoId')
  @HttpCode(204)
  @Roles('employer')
  async remove(@Param('id', postPipe) id: string, @Param('photoId', photoPipe) photoId: string, @CurrentUser() user: AuthPrincipal): Promise<void> {
    await this.photos.remove(id, photoId, user);
  }

  @Public()
  @Get(':photoId')
  async read(@Param('id', postPipe) id: string, @Param('photoId', photoPipe) photoId: string, @CurrentUser() user: AuthPrincipal | undefined, @Res({ passthrough: true }) reply: { header(n: string, v: string): unknown }): Promise<StreamableFile> {
    const photo = await this.photos.read(id, photoId, user);
    reply.header('cache-control', 'public, max-age=86400');
    return new StreamableFile(photo.bytes, { type: photo.mime, length: photo.bytes.length });
  }
}
