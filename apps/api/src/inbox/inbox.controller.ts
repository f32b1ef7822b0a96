import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query, UseInterceptors, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import type { Actor } from '@duban/domain';
import { InboxService, mailboxesOf } from '@duban/services';
import { CurrentActor } from '../auth/current-actor.decorator';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { KeysetPageQueryDto, QueryBoolean } from '../common/query-dto';
import { dtoValidation } from '../common/validation';
import { ApiAnswer, INBOX_MESSAGE, pageOf } from '../common/openapi-responses';

export class InboxQueryDto extends KeysetPageQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'only messages not read yet' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;

  @ApiPropertyOptional({ example: 'assignment.escalated' })
  @IsOptional()
  @IsString({ message: 'kind must be a string' })
  @Length(1, 100, { message: 'kind must be 1–100 characters' })
  kind?: string;

  @ApiPropertyOptional({ example: 'role:admin', description: "only this one of the caller's mailboxes (a unit or role:<role>); others' mailboxes answer nothing" })
  @IsOptional()
  @IsString({ message: 'recipient must be a string' })
  @Length(1, 200, { message: 'recipient must be 1–200 characters' })
  recipient?: string;
}

/** The caller's inbox: their units' messages plus their role's mailbox (role:supervisor, role:coordinator, role:admin). */
@ApiTags('inbox')
@ApiBearerAuth()
@Controller('api/v1/inbox')
@UsePipes(dtoValidation())
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({ summary: "The caller's in-app messages (their units and role mailbox), newest first, paginated" })
  @ApiAnswer(pageOf(INBOX_MESSAGE), "a page of the caller's inbox messages")
  list(@Query() query: InboxQueryDto, @CurrentActor() actor: Actor) {
    const { recipient, ...options } = query;
    const mailboxes = mailboxesOf(actor);
    return this.inbox.listFor(recipient === undefined ? mailboxes : mailboxes.filter((mailbox) => mailbox === recipient), options);
  }

  @Post(':messageId/read')
  // On the write only: on the list it did nothing yet cost each read a layer of Nest's interceptor chain.
  @UseInterceptors(IdempotencyInterceptor)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Read receipt: marks the message read (the first read time is kept); 404 for messages to others' })
  @ApiAnswer(INBOX_MESSAGE, 'the message, marked read')
  read(@Param('messageId') messageId: string, @CurrentActor() actor: Actor) {
    return this.inbox.markRead(messageId, mailboxesOf(actor));
  }
}
