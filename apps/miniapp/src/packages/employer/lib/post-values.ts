import type {
  Benefit,
  ComplianceInput,
  JobPostingInput,
  JobPostingItem,
  PostType,
  WageUnit,
} from '@zaogong/shared';
import type { PickedOccupation } from '../../../components/OccupationPicker';
import { localDate } from './dates';

/** What the 发布岗位 form holds while it is being filled (numbers stay text until sent). */
export interface PostValues {
  title: string;
  occupation: PickedOccupation[];
  description: string;
  skills: string[];
  wageMin: string;
  wageMax: string;
  wageUnit: WageUnit;
  type: PostType;
  headcount: string;
  townCode: string | undefined;
  villageCode: string | undefined;
  address: string;
  lat: number | undefined;
  lng: number | undefined;
  benefits: Benefit[];
  startDate: string | undefined;
  endDate: string | undefined;
  /** 零工: the hour work starts each day ("HH:mm"); sign-ups for a day close then. */
  workStartTime: string;
}

export type PostErrors = Partial<Record<keyof JobPostingInput, string>>;

/** One line under each type, in the words of someone who hires. */
export const POST_TYPE_HINTS: Record<PostType, string> = {
  full_time: '长期干，按月发工资',
  part_time: '每天或每周干几个钟头，不用整天在',
  gig: '干一天或几天就结束，按天结钱',
  seasonal: '旺季、农忙时干一段时间',
  shared_staff: '别的企业把暂时没活的员工借给您，干一段时间再回去',
};

/** When a 零工 starts work unless the employer picks another time (the API's default too). */
export const DEFAULT_WORK_START_TIME = '08:00';

/** 零工 is paid by the day: the form asks for 日薪 and does not offer other units. */
export function wageUnitOf(v: Pick<PostValues, 'type' | 'wageUnit'>): WageUnit {
  return v.type === 'gig' ? 'day' : v.wageUnit;
}

/** Which types ask for dates: 零工 the day(s), 季节工 and 共享员工 the period. */
export function datesAsked(type: PostType): 'days' | 'period' | null {
  if (type === 'gig') return 'days';
  if (type === 'seasonal' || type === 'shared_staff') return 'period';
  return null;
}

export function emptyValues(defaults: { townCode?: string; address?: string } = {}): PostValues {
  return {
    title: '',
    occupation: [],
    description: '',
    skills: [],
    wageMin: '',
    wageMax: '',
    wageUnit: 'month',
    type: 'full_time',
    headcount: '',
    townCode: defaults.townCode,
    villageCode: undefined,
    address: defaults.address ?? '',
    lat: undefined,
    lng: undefined,
    benefits: [],
    startDate: undefined,
    endDate: undefined,
    workStartTime: DEFAULT_WORK_START_TIME,
  };
}

function amountText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

export function valuesOf(p: JobPostingItem): PostValues {
  return {
    title: p.title,
    occupation: p.occupationCode ? [{ code: p.occupationCode, name: p.occupationName ?? p.occupationCode }] : [],
    description: p.description,
    skills: p.skills,
    wageMin: amountText(p.wageMin),
    wageMax: p.wageMax === p.wageMin ? '' : amountText(p.wageMax),
    wageUnit: p.wageUnit,
    type: p.type,
    headcount: String(p.headcount),
    townCode: p.townCode,
    villageCode: p.villageCode ?? undefined,
    address: p.address ?? '',
    lat: p.lat ?? undefined,
    lng: p.lng ?? undefined,
    benefits: p.benefits,
    startDate: p.startDate ?? undefined,
    endDate: p.endDate ?? undefined,
    workStartTime: p.workStartTime ?? DEFAULT_WORK_START_TIME,
  };
}

/** A typed amount, or undefined while it is blank or not a number yet. */
function amount(text: string): number | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** What the live compliance check reads: the words and the pay as typed so far. */
export function complianceInputOf(v: PostValues): ComplianceInput {
  const min = amount(v.wageMin);
  const max = amount(v.wageMax) ?? min;
  return {
    title: v.title,
    description: v.description,
    skills: v.skills,
    wageMin: min,
    wageMax: max,
    wageUnit: wageUnitOf(v),
    type: v.type,
  };
}

/** The obvious mistakes, in plain words; the API checks everything again. */
export function checkPost(v: PostValues, today: string = localDate()): PostErrors {
  const e: PostErrors = {};
  const title = v.title.trim();
  if (!title) e.title = '请写岗位名称，比如“豆腐坊帮工”';
  else if (title.length > 40) e.title = '岗位名称请写短一点，40个字以内';
  if (v.occupation.length === 0) e.occupationCode = '请搜一下，选一个工种';
  if (!v.description.trim()) e.description = '请写几句：干什么活、几点上下班、在哪里干';
  else if (v.description.length > 2000) e.description = '工作内容太长了，请删减到2000字以内';

  const min = amount(v.wageMin);
  const max = amount(v.wageMax);
  if (!v.wageMin.trim()) e.wageMin = '请写工资';
  else if (min === undefined || min <= 0) e.wageMin = '工资请写一个大于0的数字';
  else if (min > 1000000) e.wageMin = '工资数字太大了，请检查一下';
  if (v.wageMax.trim()) {
    if (max === undefined || max <= 0) e.wageMax = '最高工资请写一个大于0的数字';
    else if (min !== undefined && min > max) e.wageMax = '最低工资不能比最高工资多';
  }

  const headcount = v.headcount.trim();
  const n = Number(headcount);
  if (!headcount) e.headcount = '请写招几个人';
  else if (!Number.isInteger(n)) e.headcount = '人数请写整数';
  else if (n < 1) e.headcount = '至少招1个人';
  else if (n > 999) e.headcount = '一次最多招999人，人再多请分几条发';

  if (!v.townCode) e.townCode = '请选在哪个镇街干活';
  if (v.address.length > 120) e.address = '地址请写短一点，120个字以内';

  const asked = datesAsked(v.type);
  if (asked) {
    if (!v.startDate) e.startDate = asked === 'days' ? '请选哪天干活' : '请选从哪天开始';
    else if (v.startDate < today) e.startDate = '开始日期已经过去了，请选今天或以后';
    if (asked === 'period' && !v.endDate) e.endDate = '请选干到哪天';
    else if (v.endDate && v.startDate && v.endDate < v.startDate) e.endDate = '结束日期不能早于开始日期';
    else if (v.endDate && v.endDate < today) e.endDate = '结束日期已经过去了';
  }
  return e;
}

/** The form as the API wants it. Call after `checkPost` found nothing. */
export function toInput(v: PostValues): JobPostingInput {
  const min = Number(v.wageMin);
  const max = v.wageMax.trim() ? Number(v.wageMax) : min;
  const asked = datesAsked(v.type);
  const input: JobPostingInput = {
    title: v.title.trim(),
    occupationCode: v.occupation[0]?.code ?? '',
    description: v.description.trim(),
    skills: v.skills,
    wageMin: Math.round(min * 100) / 100,
    wageMax: Math.round(max * 100) / 100,
    wageUnit: wageUnitOf(v),
    type: v.type,
    headcount: Number(v.headcount),
    townCode: v.townCode ?? '',
    benefits: v.benefits,
  };
  if (v.villageCode) input.villageCode = v.villageCode;
  if (v.address.trim()) input.address = v.address.trim();
  if (v.lat !== undefined && v.lng !== undefined) {
    input.lat = v.lat;
    input.lng = v.lng;
  }
  if (asked && v.startDate) {
    input.startDate = v.startDate;
    // One day of 零工 is a day that starts and ends on the same date.
    input.endDate = v.endDate ?? v.startDate;
  }
  if (v.type === 'gig' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v.workStartTime)) input.workStartTime = v.workStartTime;
  return input;
}

/** The order fields appear in, to scroll to the first one with an error. */
export const POST_FIELD_ORDER: (keyof JobPostingInput)[] = [
  'title',
  'occupationCode',
  'type',
  'startDate',
  'endDate',
  'workStartTime',
  'wageMin',
  'wageMax',
  'wageUnit',
  'headcount',
  'description',
  'skills',
  'townCode',
  'villageCode',
  'address',
  'lat',
  'lng',
  'benefits',
];

/** API field names in the words the form uses. */
export const POST_FIELD_LABELS: Record<string, string> = {
  title: '岗位名称',
  occupationCode: '工种',
  description: '工作内容',
  skills: '会这些更好',
  wageMin: '工资',
  wageMax: '最高工资',
  wageUnit: '工资单位',
  type: '用工方式',
  headcount: '招几个人',
  townCode: '镇街',
  villageCode: '村居',
  address: '地址',
  lat: '位置',
  lng: '位置',
  benefits: '福利待遇',
  startDate: '开始日期',
  endDate: '结束日期',
  workStartTime: '开工时间',
};
