import { Injectable } from '@nestjs/common';
import { DomainException } from '../common/errors/domain.exception';
import { EnterprisesRepository } from '../enterprises/enterprises.repository';
import { GateCodesService } from './gate-codes.service';
import { fileNamePart } from './poster/attachment';
import { posterFonts } from './poster/poster-fonts';
import { layOutPoster, type PosterPage } from './poster/poster-layout';
import { renderPosterPdf, renderPosterPng } from './poster/render-poster';

export type PosterFormat = 'pdf' | 'png';

/** A rendered poster and the name to download it under. */
export interface PosterFile {
  body: Buffer;
  contentType: string;
  /** 打卡码-<firm>-<gate>-v<N>.<format> */
  filename: string;
  /** The same without the Chinese, for clients that cannot read RFC 5987 names. */
  asciiFilename: string;
}

const CONTENT_TYPES: Record<PosterFormat, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
};

/** The printable 执法打卡码 poster of a gate: A4, as PDF or PNG, always of its active code. */
@Injectable()
export class GatePosterService {
  constructor(
    private readonly firms: EnterprisesRepository,
    private readonly codes: GateCodesService,
  ) {}

  /** 404 NOT_FOUND for an unknown gate or one without an active code. */
  async render(gateId: string, format: PosterFormat): Promise<PosterFile> {
    const gate = await this.firms.gateWithFirm(gateId);
    if (!gate) throw new DomainException('NOT_FOUND');
    const code = await this.codes.active(gateId);
    const fonts = posterFonts();
    const page: PosterPage = layOutPoster(
      {
        firmName: gate.enterprise.name,
        gateName: gate.name,
        code: code.code,
        version: code.version,
        issuedAt: code.issuedAt,
      },
      fonts.width,
    );
    const body =
      format === 'pdf' ? await renderPosterPdf(page, fonts) : await renderPosterPng(page, fonts);
    const name = `打卡码-${fileNamePart(gate.enterprise.name)}-${fileNamePart(gate.name)}-v${code.version}`;
    return {
      body,
      contentType: CONTENT_TYPES[format],
      filename: `${name}.${format}`,
      asciiFilename: `gate-poster-v${code.version}.${format}`,
    };
  }
}
