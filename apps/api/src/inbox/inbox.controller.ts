import { Controller, Get, ParseIntPipe, Query, DefaultValuePipe, BadRequestException } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InboxService } from '@duban/services';

@ApiTags('inbox')
@Controller('api/v1/inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({ summary: "A unit's or role mailbox's in-app messages, newest first" })
  @ApiQuery({ name: 'recipient', example: 'role:admin' })
  @ApiQuery({ name: 'limit', required: false })
  list(@Query('recipient') recipient: string | undefined, @Query('limit', new DefaultValuePipe(50), ParseIntPipe) limit: number) {
    if (!recipient) throw new BadRequestException('query parameter "recipient" is required');
    return this.inbox.list(recipient, limit);
  }
}
