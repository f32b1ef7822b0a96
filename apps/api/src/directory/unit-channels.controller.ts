import { Body, Controller, Get, Param, Put, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { CHANNEL_KINDS } from '@duban/notifications';
import { ChannelSubscriptionService } from '@duban/services';
import { RequirePermission } from '../auth/permission.guard';
import { dtoValidation } from '../common/validation';
import { ApiAnswer, freeObject, object, uuid } from '../common/openapi-responses';

export class UnitChannelDto {
  @ApiProperty({ enum: CHANNEL_KINDS })
  @IsIn([...CHANNEL_KINDS], { message: `kind must be one of ${CHANNEL_KINDS.join(', ')}` })
  kind!: string;

  @ApiProperty({ description: 'webhook/dingtalk/wecom: { url, secret? }; email: { to }', type: 'object', additionalProperties: true })
  @IsObject({ message: 'target must be an object' })
  target!: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'reminders and urges once a day (daily digest) instead of one by one' })
  @IsOptional()
  @IsBoolean({ message: 'digest must be true or false' })
  digest?: boolean;
}

export class UnitChannelsDto {
  @ApiProperty({ type: [UnitChannelDto] })
  @IsArray({ message: 'channels must be an array' })
  @ArrayMaxSize(20, { message: 'at most 20 channels per unit' })
  @ValidateNested({ each: true })
  @Type(() => UnitChannelDto)
  channels!: UnitChannelDto[];
}

/** A unit's notification channels besides the in-app inbox (webhook, DingTalk, WeCom, e-mail): admins manage them. */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('api/v1/units/:unit/channels')
@RequirePermission('manageUnitChannels')
@UsePipes(dtoValidation())
export class UnitChannelsController {
  constructor(private readonly channels: ChannelSubscriptionService) {}

  @Get()
  @ApiOperation({ summary: "A unit's notification channels (robot keys and secrets masked)" })
  @ApiAnswer({ type: 'array', items: object({ id: uuid, kind: { type: 'string' }, target: freeObject('where to send (secrets redacted)'), digest: { type: 'boolean' } }) }, "the unit's notification channels")
  list(@Param('unit') unit: string) {
    return this.channels.list(unit);
  }

  @Put()
  @ApiOperation({ summary: "Replace a unit's notification channels" })
  @ApiAnswer({ type: 'array', items: object({ id: uuid, kind: { type: 'string' }, target: freeObject('where to send (secrets redacted)'), digest: { type: 'boolean' } }) }, "the unit's channels after the replacement")
  replace(@Param('unit') unit: string, @Body() body: UnitChannelsDto) {
    return this.channels.replace(unit, body.channels);
  }
}
