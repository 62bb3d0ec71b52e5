import { DISTRICT_CODE, regionLevelOf, type RegionCentreRowError } from '@zaogong/shared';
import { cleanLineText } from '../../common/validators/transforms';
import { textFromCell, type CellInput } from '../../residents/import/resident-sheet.columns';

/**
 * What a row of a 镇街/村居 centre-point upload must say (docs/business-logic/region-centres.md). Pure:
 * cells and the district's regions in, a centre or the row's problems out.
 */

export type CentreField = 'code' | 'lat' | 'lng' | 'source';

/** The sheet's column for each field: its header in the template, and other headers people use. */
export const CENTRE_COLUMNS: readonly { key: CentreField; header: string; aliases: readonly string[] }[] = [
  { key: 'code', header: '代码', aliases: ['代码', '区划代码', '行政区划代码', '统计用区划代码', '编码', 'code'] },
  { key: 'lat', header: '纬度', aliases: ['纬度', '北纬', 'lat', 'latitude'] },
  { key: 'lng', header: '经度', aliases: ['经度', '东经', 'lng', 'lon', 'longitude'] },
  { key: 'source', header: '来源', aliases: ['来源', '数据来源', '坐标来源', 'source'] },
];

const HEADER_OF: Record<CentreField, string> = { code: '代码', lat: '纬度', lng: '经度', source: '来源' };

/** The field a header names, ignoring spaces, case, a `*` and anything in brackets ("纬度（小数）"). */
export function centreFieldForHeader(text: string): CentreField | null {
  const h = text
    .replace(/[（(【[].*?[）)】\]]/g, '')
    .replace(/[\s*＊]/g, '')
    .toLowerCase();
  if (!h) return null;
  return CENTRE_COLUMNS.find((c) => c.aliases.includes(h))?.key ?? null;
}

/**
 * The box a centre must lie in: 山亭区 spans 北纬34°54′00″–35°19′20″, 东经117°14′00″–117°44′20″ (the
 * district's published extent), widened by about 5 km so a point on the border is never refused.
 * A point outside it is a typing mistake, swapped columns, or a place outside the district.
 */
export const CENTRE_BOX = { latMin: 34.85, latMax: 35.4, lngMin: 117.15, lngMax: 117.8 } as const;

export const SOURCE_MIN = 2;
export const SOURCE_MAX = 100;

/** A region a row may name: its level, as the regions table has it. */
export interface KnownRegion {
  level: string;
}

export interface CheckedCentre {
  code: string;
  level: 'town' | 'village';
  lat: number;
  lng: number;
  source: string;
}

export type CentreCells = Partial<Record<CentreField, CellInput>>;

/** A row with none of 纬度, 经度, 来源 filled in: left alone (the template lists every place, most still blank). */
export function isUnfilledRow(cells: CentreCells): boolean {
  return [cells.lat, cells.lng, cells.source].every((v) => textFromCell(v ?? null) === '');
}

const FULL_WIDTH = /[０-９．－＋]/g;
const halfWidth = (s: string) => s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** A region code from a cell: a number is read as its digits; spaces and a leading ' (Excel's text mark) dropped. */
export function codeFromCell(v: CellInput): string {
  return halfWidth(textFromCell(v)).replace(/\s/g, '').replace(/^'/, '');
}

function codeProblem(code: string, regions: ReadonlyMap<string, KnownRegion>): string | null {
  if (code === '') return '代码：没有填。请填镇街（9位）或村居（12位）的代码，可以从下载的模板里复制';
  if (/^\d(\.\d+)?e\+?\d+$/i.test(code)) return `代码：变成了“${code}”这样的科学计数法（Excel 把长数字改掉了）。请把代码这一列设成“文本”后重新填，或者直接上传 xlsx`;
  if (!/^\d+$/.test(code) || (code.length !== 9 && code.length !== 12)) return `代码：“${code}”不对，应是9位（镇街）或12位（村居）数字`;
  if (!code.startsWith(DISTRICT_CODE)) return `代码：${code} 不是山亭区的代码（山亭区的代码以${DISTRICT_CODE}开头）`;
  const level = regionLevelOf(code);
  const known = regions.get(code);
  if (!known || known.level !== level) return `代码：山亭区没有代码为 ${code} 的${code.length === 9 ? '镇街' : '村居'}，请从下载的模板里复制代码`;
  return null;
}

type Coordinate = { value: number } | { problem: string };

/** A degree value from a cell: a number, or text such as "35.0861" or "35.0861°" (full-width digits too). */
function coordinateFromCell(v: CellInput, field: 'lat' | 'lng'): Coordinate {
  const name = HEADER_OF[field];
  const example = field === 'lat' ? '35.0861' : '117.4583';
  if (v instanceof Date) return { problem: `${name}：应是数字，如 ${example}，不是日期` };
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v } : { problem: `${name}：应是数字，如 ${example}` };
  const text = halfWidth(textFromCell(v)).replace(/\s/g, '');
  if (text === '') return { problem: `${name}：没有填` };
  if (/[′'″"分秒]|°\d|度\d/.test(text)) return { problem: `${name}：“${text}”是度分秒，请换成小数形式的度数，如 ${example}` };
  const plain = text.replace(/[°度]$/, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(plain)) return { problem: `${name}：“${text}”不是数字，应填小数形式的度数，如 ${example}` };
  return { value: Number(plain) };
}

const inLat = (x: number) => x >= CENTRE_BOX.latMin && x <= CENTRE_BOX.latMax;
const inLng = (x: number) => x >= CENTRE_BOX.lngMin && x <= CENTRE_BOX.lngMax;
/** The six decimals the column keeps (about 0.1 m). */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** One row of an upload: the centre it gives, or every problem it has (one per column). */
export function checkCentreRow(cells: CentreCells, regions: ReadonlyMap<string, KnownRegion>): { centre: CheckedCentre } | { errors: Omit<RegionCentreRowError, 'row'>[] } {
  const errors: Omit<RegionCentreRowError, 'row'>[] = [];
  const code = codeFromCell(cells.code ?? null);
  const codeError = codeProblem(code, regions);
  if (codeError) errors.push({ field: 'code', message: codeError });

  const lat = coordinateFromCell(cells.lat ?? null, 'lat');
  const lng = coordinateFromCell(cells.lng ?? null, 'lng');
  if ('value' in lat && 'value' in lng && !inLat(lat.value) && !inLng(lng.value) && inLat(lng.value) && inLng(lat.value)) {
    errors.push({ field: 'lat', message: `纬度和经度填反了：山亭区的纬度约35（北纬），经度约117（东经），这一行是纬度${lat.value}、经度${lng.value}` });
  } else {
    if ('problem' in lat) errors.push({ field: 'lat', message: lat.problem });
    else if (!inLat(lat.value)) errors.push({ field: 'lat', message: `纬度：${lat.value} 不在山亭区范围内（山亭区的纬度在 ${CENTRE_BOX.latMin}～${CENTRE_BOX.latMax} 之间），请核对这个点` });
    if ('problem' in lng) errors.push({ field: 'lng', message: lng.problem });
    else if (!inLng(lng.value)) errors.push({ field: 'lng', message: `经度：${lng.value} 不在山亭区范围内（山亭区的经度在 ${CENTRE_BOX.lngMin}～${CENTRE_BOX.lngMax} 之间），请核对这个点` });
  }

  const source = cleanLineText(textFromCell(cells.source ?? null));
  const length = [...source].length;
  if (length === 0) errors.push({ field: 'source', message: '来源：必填，写明这个点是从哪里取的，如“天地图 2026-11 村委会驻地”' });
  else if (length < SOURCE_MIN) errors.push({ field: 'source', message: `来源：“${source}”太短，请写明从哪里取的点，如“天地图 2026-11 村委会驻地”` });
  else if (length > SOURCE_MAX) errors.push({ field: 'source', message: `来源：最多${SOURCE_MAX}个字，这一行有${length}个字` });

  if (errors.length || !('value' in lat) || !('value' in lng)) return { errors };
  return { centre: { code, level: code.length === 9 ? 'town' : 'village', lat: round6(lat.value), lng: round6(lng.value), source } };
}
