/**
 * Known credential token formats (contract: hardcoded-credential). Pure data with no
 * server-only imports: the secret detector that reads it also runs in the chat client.
 */

/** One credential format a service issues. */
export interface TokenFormat {
  /** What the token is, for messages: 'GitHub token', 'Stripe secret key'. */
  label: string;
  /**
   * The whole token (global flag). Each pattern carries its own boundaries: the prefix must
   * not continue a word, and the body must end where the format's alphabet ends.
   */
  pattern: RegExp;
  /** The part after the fixed prefix, judged for placeholder shapes (one repeated character). */
  randomPart: (match: string) => string;
  /** The environment variable such a token is usually kept in, for the quick fix: `GITHUB_TOKEN`. */
  envName: string;
}

const afterPrefix = (prefix: RegExp) => (match: string): string => match.replace(prefix, '');

export const TOKEN_FORMATS: readonly TokenFormat[] = [
  { label: 'AWS access key id', pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g, randomPart: afterPrefix(/^A[KS]IA/) , envName: 'AWS_ACCESS_KEY_ID' },
  { label: 'GitHub token', pattern: /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/g, randomPart: afterPrefix(/^gh._/) , envName: 'GITHUB_TOKEN' },
  { label: 'GitHub fine-grained token', pattern: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9]{20,}_[A-Za-z0-9]{40,}(?![A-Za-z0-9_])/g, randomPart: afterPrefix(/^github_pat_/) , envName: 'GITHUB_TOKEN' },
  { label: 'GitLab token', pattern: /(?<![A-Za-z0-9_-])gl(?:pat|dt|rt|ptt|cbt|oas)-[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/g, randomPart: afterPrefix(/^gl[a-z]+-/) , envName: 'GITLAB_TOKEN' },
  { label: 'Slack token', pattern: /(?<![A-Za-z0-9_-])xox[bpase]-[0-9]{6,}-[A-Za-z0-9-]{8,}(?![A-Za-z0-9_-])/g, randomPart: afterPrefix(/^xox.-/) , envName: 'SLACK_TOKEN' },
  { label: 'Slack app token', pattern: /(?<![A-Za-z0-9_-])xapp-[0-9]-[A-Z0-9]{6,}-[0-9]{6,}-[A-Za-z0-9]{16,}(?![A-Za-z0-9_-])/g, randomPart: afterPrefix(/^xapp-/) , envName: 'SLACK_APP_TOKEN' },
  { label: 'Slack webhook URL', pattern: /hooks\.slack\.com\/services\/T[A-Za-z0-9_]{6,}\/B[A-Za-z0-9_]{6,}\/[A-Za-z0-9_]{16,}(?![A-Za-z0-9_])/g, randomPart: (match) => afterPrefix(/^hooks\.slack\.com\/services\//)(match).replace(/(^|\/)[TB]/g, '$1') , envName: 'SLACK_WEBHOOK_URL' },
  { label: 'Stripe secret key', pattern: /(?<![A-Za-z0-9_])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{24,}(?![A-Za-z0-9_])/g, randomPart: afterPrefix(/^.k_[a-z]+_/) , envName: 'STRIPE_SECRET_KEY' },
  { label: 'webhook signing secret', pattern: /(?<![A-Za-z0-9_])whsec_[A-Za-z0-9+/=]{24,}(?![A-Za-z0-9_])/g, randomPart: afterPrefix(/^whsec_/) , envName: 'WEBHOOK_SECRET' },
  { label: 'Google API key', pattern: /(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g, randomPart: afterPrefix(/^AIza/) , envName: 'GOOGLE_API_KEY' },
  { label: 'Google OAuth client secret', pattern: /(?<![A-Za-z0-9_-])GOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])/g, randomPart: afterPrefix(/^GOCSPX-/) , envName: 'GOOGLE_CLIENT_SECRET' },
  { label: 'Anthropic API key', pattern: /(?<![A-Za-z0-9_-])sk-ant-[A-Za-z0-9_-]{24,}(?![A-Za-z0-9_-])/g, randomPart: afterPrefix(/^sk-ant-(?:[a-z]+\d*-)?/) , envName: 'ANTHROPIC_API_KEY' },
  { label: 'OpenAI API key', pattern: /(?<![A-Za-z0-9_-])sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/g, randomPart: afterPrefix(/^sk-[a-z]+-/) , envName: 'OPENAI_API_KEY' },
  { label: 'OpenAI API key', pattern: /(?<![A-Za-z0-9_-])sk-[A-Za-z0-9]{8,}T3BlbkFJ[A-Za-z0-9]{8,}(?![A-Za-z0-9_-])/g, randomPart: afterPrefix(/^sk-/) , envName: 'OPENAI_API_KEY' },
  { label: 'SendGrid API key', pattern: /(?<![A-Za-z0-9_-])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g, randomPart: afterPrefix(/^SG\./) , envName: 'SENDGRID_API_KEY' },
  { label: 'npm token', pattern: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/g, randomPart: afterPrefix(/^npm_/) , envName: 'NPM_TOKEN' },
  { label: 'Shopify access token', pattern: /(?<![A-Za-z0-9_])shp(?:at|ss|ca|pa)_[A-Za-z0-9]{32,}(?![A-Za-z0-9_])/g, randomPart: afterPrefix(/^shp.._/) , envName: 'SHOPIFY_ACCESS_TOKEN' },
  { label: 'Hugging Face token', pattern: /(?<![A-Za-z0-9_])hf_[A-Za-z]{34}(?![A-Za-z0-9_])/g, randomPart: afterPrefix(/^hf_/) , envName: 'HF_TOKEN' },
  { label: 'PyPI token', pattern: /(?<![A-Za-z0-9_-])pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}(?![A-Za-z0-9_-])/g, randomPart: afterPrefix(/^pypi-AgEIcHlwaS5vcmc/) , envName: 'PYPI_TOKEN' },
  { label: 'DigitalOcean token', pattern: /(?<![A-Za-z0-9_])do[por]_v1_[a-f0-9]{64}(?![A-Za-z0-9_])/g, randomPart: afterPrefix(/^do._v1_/) , envName: 'DIGITALOCEAN_TOKEN' },
  { label: 'Square access token', pattern: /(?<![A-Za-z0-9_-])sq0(?:atp|csp)-[A-Za-z0-9_-]{22,}(?![A-Za-z0-9_-])/g, randomPart: afterPrefix(/^sq0...-/) , envName: 'SQUARE_ACCESS_TOKEN' },
  { label: 'Azure storage account key', pattern: /(?<![A-Za-z0-9])AccountKey=[A-Za-z0-9+/]{40,}={0,2}/g, randomPart: afterPrefix(/^AccountKey=/) , envName: 'AZURE_STORAGE_CONNECTION_STRING' },
  { label: 'Azure shared access key', pattern: /(?<![A-Za-z0-9])SharedAccessKey=[A-Za-z0-9+/]{32,}={0,2}/g, randomPart: afterPrefix(/^SharedAccessKey=/) , envName: 'AZURE_CONNECTION_STRING' },
];
