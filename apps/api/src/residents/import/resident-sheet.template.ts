import ExcelJS from 'exceljs';
import {
  AVAILABILITY_LABELS,
  CONSENT_METHOD_LABELS,
  EDUCATION_LABELS,
  KEY_GROUP_LABELS,
  WAGE_UNIT_LABELS,
  idNumberCheckChar,
} from '@zaogong/shared';
import type { VillageRef } from './resident-row.parser';
import { EXAMPLE_MARK, HELP_SHEET_NAME, MAX_IMPORT_ROWS, SHEET_COLUMNS, SHEET_NAME, TEMPLATE_ROWS, VILLAGE_LIST_SHEET_NAME, type ColumnKey, type SheetColumn } from './resident-sheet.columns';
import { UPLOAD_MAX_MB } from './upload-limits';

export interface TemplateVillage extends VillageRef {
  townName: string;
}

type DataValidations = { add(address: string, validation: ExcelJS.DataValidation): void };

/** What a person picks in the 村居 dropdown: the name, or 镇街-name where a name repeats in the list. */
export function villageLabels(villages: TemplateVillage[]): string[] {
  const counts = new Map<string, number>();
  for (const v of villages) counts.set(v.name, (counts.get(v.name) ?? 0) + 1);
  return villages.map((v) => ((counts.get(v.name) ?? 0) > 1 ? `${v.townName}-${v.name}` : v.name));
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
const listOf = (labels: Record<string, string>) => `"${Object.values(labels).join(',')}"`;

/**
 * The import template: 居民信息 (headers, one example row, dropdowns, text format for 身份证号 and
 * 手机号), 说明 (every column in plain words), and a hidden 村居列表 of the caller's 村居.
 */
export function buildImportTemplate(villages: TemplateVillage[], today: Date): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '枣工快递';
  wb.created = today;
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  const help = wb.addWorksheet(HELP_SHEET_NAME);
  const list = wb.addWorksheet(VILLAGE_LIST_SHEET_NAME, { state: 'hidden' });

  const labels = villageLabels(villages);
  list.columns = [
    { header: '村居名称', key: 'label', width: 28 },
    { header: '村居代码', key: 'code', width: 16 },
    { header: '镇街', key: 'town', width: 16 },
  ];
  villages.forEach((v, i) => list.addRow({ label: labels[i], code: v.code, town: v.townName }));

  ws.columns = SHEET_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const col = (key: ColumnKey) => SHEET_COLUMNS.findIndex((c) => c.key === key) + 1;
  const letter = (key: ColumnKey) => ws.getColumn(col(key)).letter;
  const header = ws.getRow(1);
  header.height = 22;
  SHEET_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true };
    cell.fill = c.required ? REQUIRED_FILL : HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.note = `${c.required ? '（必填）' : '（可不填）'}${c.help}`;
  });
  // Long digit strings must stay text: Excel keeps 15 significant digits of a number.
  for (const key of ['idNumber', 'phone', 'graduation'] as const) ws.getColumn(col(key)).numFmt = '@';
  ws.getColumn(col('consentAt')).numFmt = 'yyyy-mm-dd';

  const example = exampleRow(labels, today);
  const row = ws.addRow(example);
  row.font = { italic: true, color: { argb: 'FF808080' } };

  const last = TEMPLATE_ROWS + 1;
  const range = (key: ColumnKey) => `${letter(key)}2:${letter(key)}${last}`;
  const validations = (ws as unknown as { dataValidations: DataValidations }).dataValidations;
  const strictList = (key: ColumnKey, formula: string, what: string) =>
    validations.add(range(key), { type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: true, errorTitle: '请从下拉列表里选', error: `${what}请从下拉列表里选` });
  // Several values may go in one cell, so these lists suggest rather than refuse.
  const openList = (key: ColumnKey, formula: string, example: string) =>
    validations.add(range(key), { type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: false, showInputMessage: true, promptTitle: '可以填几项', prompt: `多个用顿号“、”隔开，如：${example}` });
  if (villages.length) strictList('village', `'${VILLAGE_LIST_SHEET_NAME}'!$A$2:$A$${villages.length + 1}`, '村居');
  strictList('education', listOf(EDUCATION_LABELS), '文化程度');
  strictList('wageUnit', listOf(WAGE_UNIT_LABELS), '工资单位');
  strictList('consentMethod', `"${CONSENT_METHOD_LABELS.signature},${CONSENT_METHOD_LABELS.verbal}"`, '同意方式');
  openList('availability', listOf(AVAILABILITY_LABELS), `${AVAILABILITY_LABELS.full_time}、${AVAILABILITY_LABELS.gig}`);
  openList('keyGroups', listOf(KEY_GROUP_LABELS), `${KEY_GROUP_LABELS.veteran}、${KEY_GROUP_LABELS.low_income}`);
  validations.add(range('wage'), { type: 'decimal', operator: 'between', allowBlank: true, formulae: [0, 1000000], showErrorMessage: true, errorTitle: '期望工资', error: '只填数字（元），如 3000' });
  validations.add(range('commute'), { type: 'whole', operator: 'between', allowBlank: true, formulae: [0, 300], showErrorMessage: true, errorTitle: '最远通勤公里', error: '只填0到300之间的整数' });

  writeHelp(help);
  return wb;
}

function exampleRow(labels: string[], today: Date): Record<string, string | number | Date> {
  const body = '37040619850315002';
  const values: Record<string, string | number | Date> = {};
  for (const c of SHEET_COLUMNS) values[c.key] = c.example;
  values.idNumber = body + idNumberCheckChar(body);
  values.village = labels[0] ?? '';
  // A date cell (Excel has no time zone: the UTC fields are what the cell shows), never in the future.
  values.consentAt = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  return values;
}

function writeHelp(ws: ExcelJS.Worksheet): void {
  ws.columns = [{ width: 18 }, { width: 10 }, { width: 90 }];
  const title = ws.addRow(['居民信息导入说明']);
  title.font = { bold: true, size: 14 };
  const notes = [
    `1. 在“${SHEET_NAME}”表里每行填一个人。第2行是示例（姓名以“${EXAMPLE_MARK}”开头），导入时会跳过，可以删掉，也可以照着改成真实信息。`,
    '2. 标为“必填”的列一定要填；其他列不知道可以空着。',
    '3. 只能导入您负责的村居的人；别的村居的人会被列为“有问题的行”。',
    '4. 上传时可以先选“只检查，不导入”，看看哪些行有问题，改好后再正式导入。',
    '5. 有问题的行不会导入，其他行照常导入；改好有问题的行后，可以把整张表再导入一次。',
    '6. 同一个身份证号再次导入时，会更新原来的档案，不会重复登记。',
    `7. 一次最多${MAX_IMPORT_ROWS}行，文件不超过${UPLOAD_MAX_MB}MB，只收 .xlsx 格式（旧版 .xls 请先“另存为” .xlsx）。`,
    '8. 登记前必须征得本人同意（签字或口头），并填好“同意方式”和“同意时间”。',
  ];
  for (const n of notes) ws.addRow([n]).alignment = { wrapText: true, vertical: 'top' };
  ws.addRow([]);
  const head = ws.addRow(['列名', '是否必填', '怎么填']);
  head.font = { bold: true };
  head.eachCell((cell) => (cell.fill = HEADER_FILL));
  for (const c of SHEET_COLUMNS as SheetColumn[]) {
    ws.addRow([c.header, c.required ? '必填' : '可不填', c.help]).alignment = { wrapText: true, vertical: 'top' };
  }
}
