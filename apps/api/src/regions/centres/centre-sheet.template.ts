import ExcelJS from 'exceljs';
import { chinaDateOf } from '@zaogong/shared';
import { UPLOAD_MAX_MB } from '../../residents/import/upload-limits';
import { CENTRE_SHEET_NAME } from './centre-sheet.reader';
import { CENTRE_BOX, SOURCE_MAX } from './region-centres.policy';

/** One 镇街 or 村居 as the template lists it, with its centre as it stands. */
export interface TemplatePlace {
  code: string;
  level: 'town' | 'village';
  townName: string;
  name: string;
  lat: number | null;
  lng: number | null;
  source: string | null;
  updatedAt: Date | null;
}

const HELP_SHEET_NAME = '说明';
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
const INFO_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const TOWN_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

const COLUMNS: { header: string; key: keyof ReturnType<typeof rowOf>; width: number; required: boolean; note: string }[] = [
  { header: '代码', key: 'code', width: 16, required: true, note: '（必填）镇街9位、村居12位，不要改' },
  { header: '镇街', key: 'town', width: 14, required: false, note: '只是给人看的，导入时不读' },
  { header: '村居', key: 'village', width: 18, required: false, note: '只是给人看的，导入时不读；空着的是镇街本身' },
  { header: '纬度', key: 'lat', width: 13, required: true, note: '（必填）小数形式的度数，山亭区约35，如 35.0861' },
  { header: '经度', key: 'lng', width: 13, required: true, note: '（必填）小数形式的度数，山亭区约117，如 117.4583' },
  { header: '来源', key: 'source', width: 34, required: true, note: `（必填）这个点从哪里取的，如“天地图 2026-11 村委会驻地”，最多${SOURCE_MAX}个字` },
  { header: '导入日期', key: 'updated', width: 12, required: false, note: '上次导入这个点的日期，导入时不读' },
];

function rowOf(p: TemplatePlace) {
  return {
    code: p.code,
    town: p.townName,
    village: p.level === 'village' ? p.name : '',
    lat: p.lat,
    lng: p.lng,
    source: p.source ?? '',
    updated: p.updatedAt ? chinaDateOf(p.updatedAt) : '',
  };
}

/**
 * 村居中心点 template and export in one: every 镇街 followed by its 村居, each with its centre as it
 * stands (blank when none). The admin fills in the blanks (or corrects a point) and uploads it back.
 */
export function buildCentreTemplate(places: TemplatePlace[], now: Date): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '枣工快递';
  wb.created = now;
  const ws = wb.addWorksheet(CENTRE_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.height = 22;
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true };
    cell.fill = c.required ? REQUIRED_FILL : INFO_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.note = c.note;
  });
  // 12-digit codes must stay text: Excel shows longer numbers as 3.70406E+11 and saves them so in a CSV.
  ws.getColumn(1).numFmt = '@';
  for (const col of [4, 5]) ws.getColumn(col).numFmt = '0.000000';
  for (const p of places) {
    const row = ws.addRow(rowOf(p));
    if (p.level === 'town') {
      row.font = { bold: true };
      row.eachCell({ includeEmpty: true }, (cell) => {
        cell.fill = TOWN_FILL;
      });
    }
  }
  writeHelp(wb.addWorksheet(HELP_SHEET_NAME));
  return wb;
}

function writeHelp(ws: ExcelJS.Worksheet): void {
  ws.columns = [{ width: 100 }];
  const title = ws.addRow(['村居中心点导入说明']);
  title.font = { bold: true, size: 14 };
  const notes = [
    '用途：零工按“离我最近”排序时，没有标地图位置的岗位按它所在村居（或镇街）的中心点算远近。中心点只由管理员导入，系统从不自己编。',
    `1. 在“${CENTRE_SHEET_NAME}”表里，给要导入的镇街或村居填上纬度、经度和来源；不填的行会跳过，原来的点保持不变。`,
    '2. 纬度、经度填小数形式的度数（不要度分秒）：山亭区纬度约35、经度约117，如 35.0861、117.4583。',
    `3. 点必须在山亭区范围内（纬度 ${CENTRE_BOX.latMin}～${CENTRE_BOX.latMax}，经度 ${CENTRE_BOX.lngMin}～${CENTRE_BOX.lngMax}）；不在的会指出是第几行。`,
    '4. 来源必填：写明从哪里取的点和时间，如“天地图 2026-11 村委会驻地”“腾讯地图坐标拾取 2026-11 镇政府”。',
    '5. 只要有一行不对，整个文件都不导入；按提示改好后重新上传即可。',
    '6. 再次上传会用新的点替换原来的点；要改正一个点，填上正确的点重新上传。',
    `7. 也可以上传 CSV（列名同样是代码、纬度、经度、来源），但必须是 UTF-8 编码：Excel 里“另存为”→“CSV UTF-8（逗号分隔）”。文件不超过${UPLOAD_MAX_MB}MB。`,
    '8. 代码这一列是文本，不要改成数字，否则 Excel 会把12位代码变成 3.70406E+11。',
  ];
  for (const n of notes) ws.addRow([n]).alignment = { wrapText: true, vertical: 'top' };
}
