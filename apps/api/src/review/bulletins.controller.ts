import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import type { Actor } from '@duban/domain';
import { BulletinService } from '@duban/services';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/permission.guard';
import { dtoValidation } from '../common/validation';
import { ApiAnswer, freeObject, object, pageOf, uuid } from '../common/openapi-responses';
import { PageQueryDto } from '../common/query-dto';

const KINDS = ['half_year', 'on_demand'] as const;

export class RunBulletinDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'planId 须为 UUID' })
  planId!: string;

  @ApiProperty({ example: '2026-06-30', description: '截止日期（Asia/Shanghai）' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf 须为 YYYY-MM-DD 日期' })
  // strict: a date that does not exist (2026-02-30) is refused too, not only a malformed one.
  @IsISO8601({ strict: true }, { message: 'asOf 不是有效日期' })
  asOf!: string;

  @ApiPropertyOptional({ enum: KINDS })
  @IsOptional()
  @IsIn(KINDS, { message: `kind 只能是 ${KINDS.join('、')}` })
  kind?: (typeof KINDS)[number];
}

export class BulletinQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'planId 须为 UUID' })
  planId?: string;
}

export class EditBulletinDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'title 须为文本' })
  @Length(1, 200, { message: '标题须为1至200字' })
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'text 须为文本' })
  @Length(1, 200_000, { message: '正文须为1至200000字' })
  text?: string;
}

/** 半年通报 and on-demand bulletins: supervisors and coordinators read; coordinators run, edit and publish. */
@ApiTags('review')
@ApiBearerAuth()
@Controller('api/v1/bulletins')
@UsePipes(dtoValidation())
export class BulletinsController {
  constructor(private readonly bulletins: BulletinService) {}

  @Post()
  @ApiAnswer(object({ id: uuid }), 'the bulletin is being drafted', HttpStatus.ACCEPTED)
  @RequirePermission('runReview')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Run (or re-run, replacing the unpublished draft) the bulletin of a plan as of a date' })
  async run(@Body() body: RunBulletinDto, @CurrentActor() actor: Actor) {
    const { id } = await this.bulletins.run(body, actor);
    return { id };
  }

  @Get()
  @ApiAnswer(pageOf(freeObject('a bulletin: id, planId, asOf, kind, status, statusLabel, title, text, summary, laggingItems, candidates, publishedAt')), 'a page of bulletins')
  @RequirePermission('readReview')
  @ApiOperation({ summary: 'Bulletins of a plan, latest cut-off first' })
  list(@Query() query: BulletinQueryDto, @CurrentActor() actor: Actor) {
    return this.bulletins.list(query, actor);
  }

  @Get(':id')
  @ApiAnswer(freeObject('a bulletin: id, planId, asOf, kind, status, statusLabel, title, text, summary, laggingItems, candidates, publishedAt'), 'one bulletin')
  @RequirePermission('readReview')
  @ApiOperation({ summary: 'A bulletin: status, draft text, summary (by pace, light, unit, region), named items, 通报 candidates' })
  get(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.bulletins.get(id, actor);
  }

  @Patch(':id')
  @ApiAnswer(freeObject('a bulletin: id, planId, asOf, kind, status, statusLabel, title, text, summary, laggingItems, candidates, publishedAt'), 'the edited draft')
  @RequirePermission('runReview')
  @ApiOperation({ summary: 'Edit the draft title or text (refused once published)' })
  edit(@Param('id') id: string, @Body() body: EditBulletinDto, @CurrentActor() actor: Actor) {
    return this.bulletins.edit(id, body, actor);
  }

  @Post(':id/publish')
  @ApiAnswer(freeObject('a bulletin: id, planId, asOf, kind, status, statusLabel, title, text, summary, laggingItems, candidates, publishedAt'), 'the published bulletin')
  @RequirePermission('runReview')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Publish: notify every unit named and record one 通报 per named lagging assignment' })
  publish(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.bulletins.publish(id, actor);
  }
}
