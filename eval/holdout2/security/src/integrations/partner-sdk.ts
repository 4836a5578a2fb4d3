import { Logger } from '@nestjs/common';

export interface PartnerOptions {
  baseUrl?: string;
  apiKey?: string;
  password?: string;
}

export class PartnerClient {
  private readonly logger = new Logger(PartnerClient.name);
  private readonly apiKey = 'pk_srv_4Zq8Lm2Xv7Rt1Wn9'; // expect: hardcoded-credential
  private readonly sandboxToken = `tk_9f8e7d6c5b4a3e2d`; // expect: hardcoded-credential
  private readonly clientSecret = 'clientSecret';
  private readonly authToken = '%PARTNER_AUTH_TOKEN%';
  private readonly passphrase = '{{PARTNER_PASSPHRASE}}';
  private readonly secretKey = '$PARTNER_SECRET_KEY';
  private readonly signingKey = 'example';
  private readonly refreshToken = 'ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
  private readonly accessKey = 'AKIAIOSFODNN7EXAMPLE';
  private readonly tokenUrl = 'https://auth.partner-logistics.com/oauth2/token';

  constructor(private readonly opts: PartnerOptions = {}) {}

  connect() {
    const { password = 'Partner-Svc-Pw-77', baseUrl = 'https://api.partner-logistics.com' } = this.opts; // expect: hardcoded-credential
    const { apiKey = '<partner-api-key>' } = this.opts;
    this.logger.log(`connecting to ${baseUrl} with key ${apiKey}`); // expect: secret-in-log
    this.logger.debug(`connecting as service account (password ${password ? 'set' : 'missing'})`);
    this.logger.error('partner auth config', { authToken: this.authToken }); // expect: secret-in-log
    this.logger.verbose(`token url ${this.tokenUrl}`);
    return { password, baseUrl, apiKey, sandboxToken: this.sandboxToken };
  }

  describe() {
    return {
      clientSecret: this.clientSecret,
      passphrase: this.passphrase,
      secretKey: this.secretKey,
      signingKey: this.signingKey,
      refreshToken: this.refreshToken,
      accessKey: this.accessKey,
      apiKey: this.apiKey,
    };
  }
}
