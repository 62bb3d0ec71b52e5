import { BadRequestException } from '@nestjs/common';
import { IsInt, IsString, Length } from 'class-validator';
import { createValidationPipe } from '../pipes/validation.pipe';
import { NULL_MESSAGE, Optional, PartialType } from './optional';

class Form {
  @IsString()
  @Length(2, 10, { message: '应为2到10个字' })
  name!: string;

  @Optional()
  @IsInt({ message: '应为整数' })
  age?: number;
}

class FormPatch extends PartialType(Form) {}

const pipe = createValidationPipe();
const check = (metatype: new () => object, value: unknown) => pipe.transform(value, { type: 'body', metatype });

async function refusal(metatype: new () => object, value: unknown): Promise<{ message: string; errors: { field: string; message: string }[] }> {
  try {
    await check(metatype, value);
  } catch (e) {
    expect(e).toBeInstanceOf(BadRequestException);
    return (e as BadRequestException).getResponse() as { message: string; errors: { field: string; message: string }[] };
  }
  throw new Error('accepted');
}

describe('Optional()', () => {
  it('lets a field be left out, checks it when given', async () => {
    await expect(check(Form, { name: '王秀英' })).resolves.toMatchObject({ name: '王秀英' });
    await expect(check(Form, { name: '王秀英', age: 30 })).resolves.toMatchObject({ age: 30 });
    expect((await refusal(Form, { name: '王秀英', age: 'x' })).errors).toEqual([{ field: 'age', message: 'age：应为整数' }]);
  });

  it('refuses null, saying so', async () => {
    expect((await refusal(Form, { name: '王秀英', age: null })).errors).toEqual([{ field: 'age', message: `age：${NULL_MESSAGE}` }]);
  });
});

describe('PartialType()', () => {
  it('lets every field be left out', async () => {
    await expect(check(FormPatch, {})).resolves.toEqual({});
    await expect(check(FormPatch, { age: 3 })).resolves.toMatchObject({ age: 3 });
  });

  it('keeps the checks of the fields given', async () => {
    expect((await refusal(FormPatch, { name: '王' })).errors).toEqual([{ field: 'name', message: '姓名：应为2到10个字' }]);
  });

  it.each(['name', 'age'])('refuses null for %s, saying so', async (field) => {
    const { errors } = await refusal(FormPatch, { [field]: null });
    expect(errors).toHaveLength(1);
    expect(errors[0].field).toBe(field);
    expect(errors[0].message).toContain(NULL_MESSAGE);
  });
});
