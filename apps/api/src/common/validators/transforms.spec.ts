import { cleanLine, cleanLineText, cleanMultilineText, cleanText } from './transforms';

describe('cleanLineText / cleanMultilineText', () => {
  it.each([
    ['王\u202e英秀', '王英秀'],
    ['\u2066电焊工\u2069', '电焊工'],
    ['\u200f张经理\u200e', '张经理'],
    ['山亭区\u0000桑村\u0007塑编厂', '山亭区桑村塑编厂'],
    ['\u0085桑村\u009b镇', '桑村镇'],
    ['\ufeff\u200b叉车工\u2060', '叉车工'],
    ['  桑村\t镇 ', '桑村镇'],
    ['\u061c桑村', '桑村'],
  ])('strips invisible and reordering characters from %j', (raw, clean) => {
    expect(cleanLineText(raw)).toBe(clean);
    expect(cleanMultilineText(raw)).toBe(clean);
  });

  it('turns line breaks into spaces in one-line texts and keeps them (as \\n) in long texts', () => {
    expect(cleanLineText('电焊工\r\n急招')).toBe('电焊工 急招');
    expect(cleanMultilineText('包吃住\r\n有焊工证优先\r月休4天')).toBe('包吃住\n有焊工证优先\n月休4天');
  });

  it('keeps what people type: Chinese, letters, digits, punctuation, emoji joined with ZWJ', () => {
    for (const s of ['王秀英', 'CNC 操作工（数控）', '月薪5000-6500元，包吃住！', '张·买买提', '👨\u200d🔧 维修工']) {
      expect(cleanLineText(s)).toBe(s);
      expect(cleanMultilineText(s)).toBe(s);
    }
  });

  it('leaves what is not a string for the validators to refuse', () => {
    expect(cleanLine({ value: null })).toBeNull();
    expect(cleanText({ value: 5 })).toBe(5);
    expect(cleanLine({ value: ['a'] })).toEqual(['a']);
  });
});
