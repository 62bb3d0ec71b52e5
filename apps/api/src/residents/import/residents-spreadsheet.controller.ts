import { BadRequestException, Controller, Get, HttpCode, PayloadTooLargeException, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { MultipartFile } from '@fastify/multipart';
import type { ImportReport } from '@zaogong/shared';
import type { AuthPrincipal } from '../../common/auth-principal';
import { CurrentUser, RegionScoped, Roles } from '../../common/decorators/auth.decorators';
import { requestIp } from '../residents.controller';
import { ResidentsExportService } from './residents-export.service';
import { ResidentsImportService } from './residents-import.service';
import { ExportQueryDto, ImportQueryDto } from './residents-spreadsheet.dto';
import { UPLOAD_MAX_MB, XLSX_MIME } from './upload-limits';

/** The request as @fastify/multipart decorates it. */
export interface UploadRequest {
  ip?: string;
  isMultipart?: () => boolean;
  file?: () => Promise<MultipartFile | undefined>;
}

const bad = (message: string) => new BadRequestException({ statusCode: 400, message, errors: [{ field: 'file', message }] });
const tooLarge = () => new PayloadTooLargeException({ statusCode: 413, message: `文件太大了：最大${UPLOAD_MAX_MB}MB。请删掉多余的空行和图片，或把表格分成几个文件再上传` });
const isTooLarge = (e: unknown) => ['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT'].includes((e as { code?: string })?.code ?? '');

/** The uploaded file's bytes (multipart field `file`): 400 without one, 413 above the limit. Every upload route uses it. */
export async function readUpload(req: UploadRequest): Promise<Buffer> {
  if (!req.isMultipart?.() || !req.file) throw bad('请用表单上传 Excel 文件（字段名 file）');
  let part: MultipartFile | undefined;
  try {
    part = await req.file();
  } catch (e) {
    if (isTooLarge(e)) throw tooLarge();
    throw bad('上传的内容不完整，请重新选择文件上传');
  }
  if (!part || part.fieldname !== 'file') throw bad('没有收到文件：请选择填好的 Excel 表格再上传');
  try {
    return await part.toBuffer();
  } catch (e) {
    if (isTooLarge(e)) throw tooLarge();
    throw bad('上传的内容不完整，请重新选择文件上传');
  }
}

/** attachment with a Chinese file name (RFC 6266/5987) and an ASCII fallback for old clients. */
export function attachment(name: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

@ApiTags('residents')
@ApiBearerAuth()
@Roles('liaison', 'admin')
@Controller('residents')
export class ResidentsSpreadsheetController {
  constructor(
    private readonly importer: ResidentsImportService,
    private readonly exporter: ResidentsExportService,
  ) {}

  /** The import template: headers, an example row, dropdowns of the caller's 村居, and a 说明 sheet. */
  @Get('import/template.xlsx')
  @ApiProduces(XLSX_MIME)
  async template(@CurrentUser() actor: AuthPrincipal): Promise<StreamableFile> {
    const wb = await this.importer.template(actor);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    return new StreamableFile(bytes, { type: XLSX_MIME, disposition: attachment('居民信息导入模板.xlsx', 'residents-import-template.xlsx') });
  }

  /** 批量导入 (multipart field `file`); `dryRun=true` checks and reports without writing. */
  @Post('import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  async import(@Query() query: ImportQueryDto, @Req() req: UploadRequest, @CurrentUser() actor: AuthPrincipal): Promise<ImportReport> {
    const file = await readUpload(req);
    return this.importer.import(file, query.dryRun === 'true', { actor, ip: requestIp(req) });
  }

  /** 台账导出: the list's filters and scope; 身份证号 and phone masked; audit-logged. */
  @Get('export.xlsx')
  @ApiProduces(XLSX_MIME)
  @RegionScoped({ in: 'query', field: 'villageCode' }, { in: 'query', field: 'townCode' })
  async export(@Query() query: ExportQueryDto, @CurrentUser() actor: AuthPrincipal, @Req() req: { ip?: string }): Promise<StreamableFile> {
    const out = await this.exporter.export(query, { actor, ip: requestIp(req) });
    return new StreamableFile(out.stream, { type: XLSX_MIME, disposition: attachment(out.filename, 'residents.xlsx') });
  }
}
