import { maskIdNumber, maskName, maskPhone } from './mask';

describe('maskIdNumber', () => {
  it.each([
    ['370406199001011234', '3704**********1234'],
    ['11010519491231002X', '1101**********002X'],
    [' 11010519491231002X ', '1101**********002X'],
    ['123456789', '1234*6789'],
    ['12345678', '********'],
    ['1234', '****'],
    ['', ''],
    [null, ''],
    [undefined, ''],
  ])('%p → %p', (input, masked) => {
    expect(maskIdNumber(input)).toBe(masked);
  });

  it('never contains the full number', () => {
    const id = '370406199001011234';
    expect(maskIdNumber(id)).not.toContain(id.slice(4, 14));
  });
});

describe('maskPhone', () => {
  it.each([
    ['13912341234', '139****1234'],
    ['+86 139-1234-1234', '139****1234'],
    ['8613912341234', '139****1234'],
    ['12345678', '123*5678'],
    ['12345', '*****'],
    ['', ''],
    [null, ''],
    [undefined, ''],
  ])('%p → %p', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });
});

describe('maskName', () => {
  it.each([
    ['张三丰', '张**'],
    ['王秀英', '王**'],
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['买买提·艾力', '买*****'],
    ['𠀀二', '𠀀*'], // a character outside the BMP stays whole
    [' 李四 ', '李*'],
    ['张', '*'],
    ['', ''],
    [null, ''],
    [undefined, ''],
  ])('%p → %p', (input, masked) => {
    expect(maskName(input)).toBe(masked);
  });
});
