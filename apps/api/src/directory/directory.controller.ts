import { Controller, Get, Query, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { DirectoryService } from '@duban/services';
import { PageQueryDto } from '../common/query-dto';
import { dtoValidation } from '../common/validation';
import { ApiAnswer, freeObject, pageOf } from '../common/openapi-responses';

export class UnitQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'matches the name or an alias' })
  @IsOptional()
  @IsString({ message: 'text must be a string' })
  @Length(1, 100, { message: 'text must be 1–100 characters' })
  text?: string;
}

/** The units and regions directory (seeds/directories plus the names assignments use). */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('api/v1')
@UsePipes(dtoValidation())
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('units')
  @ApiOperation({ summary: 'Units: directory entries (aliases, kind, cities) and every unit holding assignments, with counts; paginated' })
  @ApiAnswer(pageOf(freeObject('a unit with its assignment count')), 'a page of units')
  async units(@Query() query: UnitQueryDto) {
    return page(await this.directory.units(query.text), query);
  }

  @Get('regions')
  @ApiOperation({ summary: 'Regions (districts / counties): directory districts and regions used by assignments; paginated' })
  @ApiAnswer(pageOf(freeObject('a region with its assignment count')), 'a page of regions')
  async regions(@Query() query: PageQueryDto) {
    return page(await this.directory.regions(), query);
  }
}

function page<T>(all: readonly T[], query: PageQueryDto) {
  const limit = query.limit ?? 200;
  const offset = query.offset ?? 0;
  return { items: all.slice(offset, offset + limit), total: all.length, limit, offset };
}
