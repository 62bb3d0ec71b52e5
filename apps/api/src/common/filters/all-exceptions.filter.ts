import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { ApiError, FieldError } from '@zaogong/shared';
import { isUniqueViolation } from '../sql/unique-violation';

const STATUS_MESSAGES: Record<number, string> = {
  400: '请求参数有误',
  401: '请先登录',
  403: '没有权限',
  404: '未找到该资源',
  405: '不支持该请求方式',
  408: '请求超时，请重试',
  409: '记录已存在或状态冲突',
  413: '上传的内容太大',
  414: '请求地址太长',
  415: '不支持的内容类型，请以 JSON 提交',
  429: '请求太频繁，请稍后再试',
  431: '请求地址或请求头太长',
  503: '服务暂不可用，请稍后再试',
};

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

/** Chinese for fastify's own errors whose status alone says too little. */
const FRAMEWORK_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: '请求内容太大（最多 1MB）',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '请求内容的长度与 Content-Length 不符',
  FST_ERR_BAD_URL: '请求地址格式不正确',
  FST_ERR_MAX_PARAM_LENGTH: '请求地址太长',
};

/** Errors from fastify itself (body parsing, size limits) carry a statusCode and an FST_ code. */
interface FrameworkError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** Turns any error into the contract's `{ statusCode, message, errors? }`, in Chinese, without internals. */
export function toApiError(exception: unknown): ApiError {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const res = exception.getResponse();
    let message = typeof res === 'string' ? res : (res as { message?: unknown }).message;
    if (Array.isArray(message)) message = message.join('；');
    const errors = typeof res === 'object' ? (res as { errors?: FieldError[] }).errors : undefined;
    // Extra fields a route adds on purpose (e.g. existingId on a 409) pass through; Nest's own do not.
    const extra = typeof res === 'object' ? Object.fromEntries(Object.entries(res).filter(([k]) => !['statusCode', 'message', 'errors', 'error'].includes(k))) : {};
    // Nest wraps fastify's own 4xx errors (body too large, bad address) in an HttpException.
    const frameworkCode = (exception.cause as FrameworkError | undefined)?.code ?? '';
    let text = typeof message === 'string' && hasChinese(message) ? message : (FRAMEWORK_MESSAGES[frameworkCode] ?? STATUS_MESSAGES[status] ?? '请求失败');
    if (status === 400 && typeof message === 'string' && /JSON/i.test(message) && !hasChinese(message)) text = '请求内容不是有效的 JSON';
    return { ...extra, statusCode: status, message: text, ...(errors?.length ? { errors } : {}) };
  }
  if (isUniqueViolation(exception)) return { statusCode: 409, message: STATUS_MESSAGES[409] };
  const fe = exception as FrameworkError;
  if (typeof fe?.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || exception instanceof SyntaxError) {
      return { statusCode: 400, message: fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? '请求内容为空' : '请求内容不是有效的 JSON' };
    }
    return { statusCode: fe.statusCode, message: FRAMEWORK_MESSAGES[fe.code ?? ''] ?? STATUS_MESSAGES[fe.statusCode] ?? '请求有误' };
  }
  return { statusCode: 500, message: '服务器内部错误，请稍后再试' };
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const body = toApiError(exception);
    if (body.statusCode >= 500) {
      // Message and stack only: request bodies (which may hold personal data) are never logged.
      const err = exception as Error;
      this.logger.error(`${err?.name ?? 'Error'}: ${err?.message ?? String(exception)}`, err?.stack);
    }
    const reply = host.switchToHttp().getResponse<{ header(k: string, v: string): unknown; status(code: number): { send(b: unknown): void } }>();
    // A 429 that says when to come back (seconds) tells the client in Retry-After too.
    const retryAfter = (body as { retryAfter?: unknown }).retryAfter;
    if (body.statusCode === 429 && typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    reply.status(body.statusCode).send(body);
  }
}
