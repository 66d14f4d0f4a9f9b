import { Body, Controller, Header, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ParsedBody } from '@qinqing/domain';
import { ENDPOINTS, MEDIA_TYPES } from '@qinqing/domain/schemas';
import { CurrentUser } from '../../auth/auth.decorators';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { Endpoint } from '../../common/contract/endpoint.decorator';
import { attachmentDisposition } from '../../gates/poster/attachment';
import { CredentialsSheetService } from './credentials-sheet.service';

@ApiTags('users')
@Controller()
export class CredentialsSheetController {
  constructor(private readonly sheets: CredentialsSheetService) {}

  @Endpoint(ENDPOINTS.printCredentials)
  @Header('Cache-Control', 'no-store')
  async print(
    @Body() body: ParsedBody<'printCredentials'>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StreamableFile> {
    const pdf = await this.sheets.render(body, user.id);
    return new StreamableFile(pdf, {
      type: MEDIA_TYPES.pdf,
      disposition: attachmentDisposition('账号初始密码清单.pdf', 'credentials.pdf'),
      length: pdf.length,
    });
  }
}
