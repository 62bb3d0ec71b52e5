import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@zaogong/shared';
import { NULL_MESSAGE } from '../validators/optional';

/** Chinese names for the fields people send most; others are shown as sent. */
const FIELD_LABELS: Record<string, string> = {
  role: '身份',
  name: '姓名',
  code: '登录凭证',
  regionCode: '地区',
  employerId: '企业',
  parent: '上级地区',
  q: '搜索词',
  limit: '每页条数',
  cursor: '翻页位置',
  townCode: '镇街',
  villageCode: '村居',
  occupationCode: '职业',
  type: '用工类型',
  wageMin: '最低工资',
};

/** Chinese for class-validator's constraints, used when a DTO gives no message of its own. */
const CONSTRAINT_MESSAGES: Record<string, string> = {
  whitelistValidation: '是不允许的字段',
  isString: '必须是文字',
  isNotEmpty: '不能为空',
  isDefined: '必须填写',
  isInt: '必须是整数',
  isNumber: '必须是数字',
  isBoolean: '必须是 true 或 false',
  isIn: '取值不在允许范围内',
  isEnum: '取值不在允许范围内',
  isArray: '必须是列表',
  arrayMaxSize: '项数太多',
  arrayMinSize: '项数太少',
  min: '数值太小',
  max: '数值太大',
  maxLength: '太长',
  minLength: '太短',
  length: '长度不符合要求',
  matches: '格式不正确',
  isDateString: '必须是日期，如 2026-01-31',
  isISO8601: '必须是日期，如 2026-01-31',
  isUUID: '格式不正确',
  nestedValidation: '格式不正确',
};

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const label = FIELD_LABELS[e.property] ?? field;
    if (e.value === null && Object.keys(e.constraints ?? {}).length) {
      // Whatever check refused it, the reason is the null (see Optional()).
      out.push({ field, message: `${label}：${NULL_MESSAGE}` });
      continue;
    }
    for (const [constraint, raw] of Object.entries(e.constraints ?? {})) {
      const text = hasChinese(raw) ? raw : (CONSTRAINT_MESSAGES[constraint] ?? '格式不正确');
      out.push({ field, message: text.startsWith(label) ? text : `${label}：${text}` });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

/** The one validation pipe: whitelist, refuse unknown fields, convert types, answer in Chinese. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const fieldErrors = flattenValidationErrors(errors);
      const message = fieldErrors.length ? fieldErrors.map((f) => f.message).join('；') : '请求参数有误';
      return new BadRequestException({ statusCode: 400, message, errors: fieldErrors });
    },
  });
}
