import { Controller, Get, Query, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { DirectoryService } from '@duban/services';
import { PageQueryDto } from '../common/query-dto';
import { dtoValidation } from '../common/validation';
import { ApiAnswer, freeObject, pageOf } from '../common/openapi-responses';

export class RegionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'a city: its districts, counties and zones' })
  @IsOptional()
  @IsUUID('all', { message: 'jurisdictionId 须为辖区编号（uuid）' })
  jurisdictionId?: string;
}

/** Regions (districts, counties, zones) of the organisation directory; units are under OrganisationController. */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('api/v1')
@UsePipes(dtoValidation())
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('regions')
  @ApiOperation({ summary: 'Regions (districts / counties): directory districts and regions used by assignments; paginated' })
  @ApiAnswer(pageOf(freeObject('a region with its assignment count')), 'a page of regions')
  async regions(@Query() query: RegionQueryDto) {
    return page(await this.directory.regions(query.jurisdictionId), query);
  }
}

function page<T>(all: readonly T[], query: PageQueryDto) {
  const limit = query.limit ?? 200;
  const offset = query.offset ?? 0;
  return { items: all.slice(offset, offset + limit), total: all.length, limit, offset };
}
