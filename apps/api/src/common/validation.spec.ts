import { ArgumentMetadata } from '@nestjs/common';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { ServiceError } from '@duban/services';
import { dtoValidation } from './validation';

class SampleDto {
  @IsInt({ message: 'percent must be a whole number' })
  @Min(0, { message: 'percent must be between 0 and 100' })
  @Max(100, { message: 'percent must be between 0 and 100' })
  percent!: number;

  @IsString({ message: 'reason must be a string' })
  @Length(1, 5000, { message: 'reason must be 1–5000 characters' })
  reason!: string;

  @IsOptional()
  @IsIn(['urge', 'supervise'])
  level?: string;
}

describe('DTO validation messages', () => {
  const metadata: ArgumentMetadata = { type: 'body', metatype: SampleDto };

  it('are Chinese, name the field and the decorator’s limits, and come with the code invalid_input', async () => {
    const error = await dtoValidation()
      .transform({ percent: 101, reason: '', level: 'talk', sneaky: true }, metadata)
      .then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServiceError);
    const { code, details, message } = error as ServiceError;
    expect(code).toBe('invalid_input');
    expect(details).toEqual({
      reason: 'invalid_input',
      fields: {
        percent: ['字段 percent 不能大于 100'],
        reason: ['字段 reason 须为 1–5000 个字符'],
        level: ['字段 level 须为以下之一：urge、supervise'],
        sneaky: ['不允许的字段“sneaky”'],
      },
    });
    expect(message).toMatch(/^提交的内容有误：/);
  });
});
