import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { ServiceError } from '@duban/services';

/**
 * DTO validation for the resource controllers: unknown fields are refused, query
 * strings converted to the DTO's types, and a failure answers 400 in the one error
 * shape with field-level Chinese messages in `details.fields` (e.g. `deadlines.0.due`).
 */
export function dtoValidation(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The target is kept (never sent to the client) so a message can name the decorator's limits.
    validationError: { target: true, value: false },
    exceptionFactory: (errors: ValidationError[]) => {
      const fields: Record<string, string[]> = {};
      collect(errors, '', fields);
      const messages = Object.values(fields).flat();
      return new ServiceError('invalid_input', messages.length ? `提交的内容有误：${messages.join('；')}` : '提交的内容有误', { reason: 'invalid_input', fields });
    },
  });
}

function collect(errors: readonly ValidationError[], prefix: string, into: Record<string, string[]>): void {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      into[path] = Object.keys(error.constraints).map((name) => chineseConstraintMessage(path, name, constraintArguments(error, name)));
    }
    if (error.children?.length) collect(error.children, path, into);
  }
}

/** The arguments the DTO gave a decorator (Min(0) → [0]), looked up in class-validator's metadata. */
function constraintArguments(error: ValidationError, name: string): { args: readonly unknown[]; each: boolean } {
  const target = error.target?.constructor;
  if (!target) return { args: [], each: false };
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((entry) => entry.propertyName === error.property && (entry.name === name || entry.type === name));
  return { args: (metadata?.constraints ?? []) as unknown[], each: metadata?.each === true };
}

/** A field's failed constraint, in Chinese: 字段 percent 不能大于 100. */
export function chineseConstraintMessage(path: string, name: string, { args, each }: { args: readonly unknown[]; each: boolean }): string {
  const [first, second] = args;
  const subject = each ? `字段 ${path} 的每一项` : `字段 ${path} `;
  switch (name) {
    case 'whitelistValidation':
      return `不允许的字段“${path}”`;
    case 'isString':
      return `${subject}须为文字`;
    case 'isInt':
      return `${subject}须为整数`;
    case 'isNumber':
      return `${subject}须为数字`;
    case 'isBoolean':
      return `${subject}须为 true 或 false`;
    case 'isArray':
      return `${subject}须为数组`;
    case 'isObject':
    case 'nestedValidation':
      return `${subject}须为对象`;
    case 'isUuid':
      return `${subject}须为有效的编号（UUID）`;
    case 'isIn':
      return `${subject}须为以下之一：${Array.isArray(first) ? first.join('、') : ''}`;
    case 'isCalendarDate':
      return `${subject}须为有效日期（YYYY-MM-DD）`;
    case 'min':
      return `${subject}不能小于 ${String(first)}`;
    case 'max':
      return `${subject}不能大于 ${String(first)}`;
    case 'isLength':
      return second === undefined ? `${subject}至少 ${String(first)} 个字符` : `${subject}须为 ${String(first)}–${String(second)} 个字符`;
    case 'maxLength':
      return `${subject}最多 ${String(first)} 个字符`;
    case 'minLength':
      return `${subject}至少 ${String(first)} 个字符`;
    case 'arrayMaxSize':
      return `${subject}最多 ${String(first)} 项`;
    case 'arrayMinSize':
      return `${subject}至少 ${String(first)} 项`;
    case 'matches':
      return `${subject}格式不正确`;
    case 'isDefined':
    case 'isNotEmpty':
      return `${subject}不能为空`;
    default:
      return `${subject}不符合要求`;
  }
}
