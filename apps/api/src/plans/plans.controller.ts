/// <reference types="multer" />
import { BadRequestException, Controller, Get, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlanService } from '@duban/services';

/** Largest plan document accepted (Word files with images can be large; text plans are ~50 KB). */
const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

@ApiTags('plans')
@Controller('api/v1/plans')
export class PlansController {
  constructor(private readonly plans: PlanService) {}

  @Post()
  @ApiOperation({ summary: 'Upload a plan document (.txt, .md, .docx): parsed and stored as a draft' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1 } }))
  async upload(@UploadedFile() file: Express.Multer.File | undefined) {
    if (!file) throw new BadRequestException('attach the plan document as the multipart field "file"');
    return this.plans.importDocument(file.buffer, Buffer.from(file.originalname, 'latin1').toString('utf8'));
  }

  @Get()
  @ApiOperation({ summary: 'List plans' })
  list() {
    return this.plans.list();
  }

  @Get(':planId')
  @ApiOperation({ summary: 'A plan summary' })
  get(@Param('planId') planId: string) {
    return this.plans.get(planId);
  }

  @Get(':planId/document')
  @ApiOperation({ summary: 'The parsed plan (Plan JSON) as stored in the draft' })
  document(@Param('planId') planId: string) {
    return this.plans.document(planId);
  }
}
