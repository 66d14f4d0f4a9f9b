import { Injectable } from '@nestjs/common';
import { Env } from '../config/env';
import { DomainException } from '../common/errors/domain.exception';

export interface WechatSession {
  openid: string;
  unionid?: string;
}

/** Exchanges a mini-program login code (wx.login) for the user's session at WeChat. */
export abstract class WechatSessionClient {
  abstract codeToSession(code: string): Promise<WechatSession>;
}

/** The real client: WeChat's jscode2session endpoint (a local fake in tests: WECHAT_API_BASE). */
@Injectable()
export class HttpWechatSessionClient extends WechatSessionClient {
  constructor(private readonly env: Env) {
    super();
  }

  async codeToSession(code: string): Promise<WechatSession> {
    const { WECHAT_APP_ID: appid, WECHAT_APP_SECRET: secret, WECHAT_API_BASE: base } = this.env;
    if (!appid || !secret) throw new DomainException('WECHAT_NOT_CONFIGURED');
    const url = new URL('/sns/jscode2session', base);
    url.search = new URLSearchParams({
      appid,
      secret,
      js_code: code,
      grant_type: 'authorization_code',
    }).toString();
    let body: { openid?: string; unionid?: string; errcode?: number; errmsg?: string };
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      body = (await response.json()) as typeof body;
    } catch {
      throw new DomainException('WECHAT_LOGIN_FAILED', { reason: 'unreachable' });
    }
    if (!body.openid || (body.errcode ?? 0) !== 0) {
      throw new DomainException('WECHAT_LOGIN_FAILED', { wechatErrcode: body.errcode ?? null });
    }
    return { openid: body.openid, ...(body.unionid ? { unionid: body.unionid } : {}) };
  }
}
