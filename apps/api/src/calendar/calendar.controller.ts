import { Controller, Get, Param, Query, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { addWorkingDaysDetailed, dayInfo, isValidBusinessDate } from '@duban/calendar';
import { ServiceError } from '@duban/services';
import { DATE_PATTERN, IsCalendarDate } from '../common/query-dto';
import { dtoValidation } from '../common/validation';
import { ApiAnswer, freeObject } from '../common/openapi-responses';

export class AddWorkingDaysQueryDto {
  @ApiProperty({ format: 'date', example: '2026-09-30' })
  @IsCalendarDate({ message: 'date must be a date (YYYY-MM-DD)' })
  date!: string;

  @ApiProperty({ example: 5, minimum: -3650, maximum: 3650 })
  @Type(() => Number)
  @IsInt({ message: 'days must be a whole number' })
  @Min(-3650, { message: 'days must be between -3650 and 3650' })
  @Max(3650, { message: 'days must be between -3650 and 3650' })
  days!: number;
}

/** The China working-day calendar (public holidays, 调休 make-up workdays), as deadlines use it. */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api/v1/calendar')
@UsePipes(dtoValidation())
export class CalendarController {
  @Get('workdays/:date')
  @ApiOperation({ summary: 'Is the date a working day? {date, workday, kind, festival, official}' })
  @ApiAnswer(freeObject('the day: date, working day or not, holiday name (中文)'), 'whether the date is a working day')
  workday(@Param('date') date: string) {
    return dayInfo(checkedDate(date, 'date'));
  }

  @Get('add-working-days')
  @ApiOperation({ summary: 'The date `days` working days after (or before, if negative) `date`' })
  @ApiAnswer(freeObject('from, days and the resulting date'), 'the date N working days later')
  addWorkingDays(@Query() query: AddWorkingDaysQueryDto) {
    const result = addWorkingDaysDetailed(checkedDate(query.date, 'date'), query.days);
    return { from: query.date, days: query.days, ...result };
  }
}

function checkedDate(value: string, field: string): string {
  if (!DATE_PATTERN.test(value) || !isValidBusinessDate(value)) {
    throw new ServiceError('invalid_input', `${field} must be a calendar date (YYYY-MM-DD)`, { fields: { [field]: [`${field} must be a calendar date (YYYY-MM-DD)`] } });
  }
  const year = Number(value.slice(0, 4));
  if (year < 1900 || year > 2200) throw new ServiceError('invalid_input', `${field} must be between 1900 and 2200`, { fields: { [field]: [`${field} must be between 1900 and 2200`] } });
  return value;
}
