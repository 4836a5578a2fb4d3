/**
 * Realistic secret shapes for the redaction battery (issue 18 §5): each a small file as it
 * appears in a repository or is pasted into the chat, and the values that must never leave
 * in full. The values are assembled from parts so this file holds no credential itself.
 */
export interface SecretShape {
  name: string;
  /** A file name: its extension decides how the engine reads the text. */
  file: string;
  text: string;
  /** The secret values in `text`; none may survive redaction. */
  secrets: string[];
}

const cat = (...parts: string[]): string => parts.join('');

const awsKeyId = cat('AKIA', 'Z7Q3K5M2N8P4R6T1');
const awsSecret = cat('wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCYzq8Lm3Np4QkR');
const githubPat = cat('gh', 'p_', 'u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d');
const githubOauth = cat('gh', 'o_', 'Rk2mQ9vX4tL7pN3sW8yB1cF6hJ0dG5aZ2eU4');
const githubFine = cat('github', '_pat_', '11ABCDEFG0123456789abc', '_', 'Zq8Kd02LmXnP4rTs6VwYb1Cf3Hj5Nk7Qa9UeRt2Yp4Wm6Xs8Vb0Nc');
const gitlab = cat('glp', 'at-', 'Xq3vB8nR2kL9mT5wZ7pY');
const stripeLive = cat('sk', '_live_', '51HqLyjWDarjtT1zdp7dcAbCdEfGh');
const stripeRestricted = cat('rk', '_live_', '51HqLyjWDarjtT1zdp7dcXyZwVu');
const stripeWebhook = cat('wh', 'sec_', 'Mz8Kp3Qr7Vt2Wx9Yb4Nc6Df1Gh5Jk0L');
const slackBot = cat('xo', 'xb-', '2048163264128-4096819216384-', 'aB3dE5fG7hJ9kL1mN2pQ4rS6');
const slackApp = cat('xa', 'pp-', '1-A0B1C2D3E4F-1234567890123-', 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6');
const slackWebhook = cat('https://hooks.slack.com/services/', 'T0A1B2C3D', '/B0E1F2G3H', '/Zq8Kd02LmXnP4rTs6VwYb1Cf');
const googleKey = cat('AI', 'za', 'SyD8k3Lm9Qp2Rt5Vw7Xz1Bc4Nf6Hj0Kg2Ms');
const googleOauth = cat('GOC', 'SPX-', 'Zq8Kd02LmXnP4rTs6VwYb1Cf3Hj5');
const openaiProject = cat('sk', '-proj-', 'Zq8Kd02LmXnP4rTs6VwYb1Cf3Hj5Nk7Qa9UeRt2Yp4Wm6Xs8Vb0Nc');
const openaiLegacy = cat('sk', '-Zq8Kd02LmXnP4rTs6VwY', 'T3Blbk', 'FJ', 'b1Cf3Hj5Nk7Qa9UeRt2Yp4W');
const anthropic = cat('sk', '-ant-', 'api03-', 'Zq8Kd02LmXnP4rTs6VwYb1Cf3Hj5Nk7Qa9UeRt2Yp4Wm6Xs8Vb0Nc-AbCdEfAA');
const sendgrid = cat('SG', '.', 'Zq8Kd02LmXnP4rTs6VwYb1', '.', 'Cf3Hj5Nk7Qa9UeRt2Yp4Wm6Xs8Vb0NcAbCdEfGhIjKL');
const npmToken = cat('np', 'm_', 'Zq8Kd02LmXnP4rTs6VwYb1Cf3Hj5Nk7Qa9Ue');
const npmLegacy = cat('3f1c2b7e', '-9d4a-4c6b-8e2f-', '7a5d9c1b3e6f');
const shopify = cat('shp', 'at_', '4f9a2c7e1b8d3f6a0c5e9b2d7f4a1c8e');
const huggingFace = cat('h', 'f_', 'ZqKdLmXnPrTsVwYbCfHjNkQaUeRtYpWmXs');
const digitalOcean = cat('do', 'p_v1_', '4f9a2c7e1b8d3f6a0c5e9b2d7f4a1c8e4f9a2c7e1b8d3f6a0c5e9b2d7f4a1c8e');
const square = cat('sq0', 'atp-', 'Zq8Kd02LmXnP4rTs6VwYb1');
const jwt = cat('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', '.', 'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkphbmUiLCJpYXQiOjE3MDAwMDAwMDB9', '.', 'Zq8Kd02LmXnP4rTs6VwYb1Cf3Hj5Nk7Qa9UeRt2Yp4W');
const twilioSid = cat('AC', '4f9a2c7e1b8d3f6a0c5e9b2d7f4a1c8e');
const twilioToken = cat('9b2d7f4a', '1c8e4f9a2c7e1b8d3f6a0c5e');
const dockerAuth = Buffer.from(cat('deploy', ':', 'Zq8Kd02LmXnP4rTs')).toString('base64');
const basicAuth = Buffer.from(cat('api', ':', 'Vw7Xz1Bc4Nf6Hj0K')).toString('base64');
const dbPassword = cat('Pr0d', 'Pa55', 'word!9x');
const hexToken = cat('4f9a2c7e1b8d3f6a', '0c5e9b2d7f4a1c8e');
const sessionSecret = cat('k3Lm9Qp2Rt5Vw7', 'Xz1Bc4Nf6Hj0');
const pemBody = cat('MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7', 'Zq8Kd02LmXnP4rTs6VwYb1Cf3Hj5Nk7Qa9UeRt2Yp4Wm6Xs8');
const pemHeader = (label: string) => cat('-----BEGIN ', label, '-----');
const pemFooter = (label: string) => cat('-----END ', label, '-----');

export const SECRET_SHAPES: SecretShape[] = [
  { name: 'AWS access key id in code', file: 's3.ts', text: `const accessKeyId = '${awsKeyId}';\n`, secrets: [awsKeyId] },
  { name: 'AWS secret access key in a client config', file: 's3-client.ts', text: `const s3 = new S3Client({ credentials: { accessKeyId: '${awsKeyId}', secretAccessKey: '${awsSecret}' } });\n`, secrets: [awsKeyId, awsSecret] },
  { name: 'AWS credentials file', file: 'credentials.ini', text: `[default]\naws_access_key_id = ${awsKeyId}\naws_secret_access_key = ${awsSecret}\n`, secrets: [awsKeyId, awsSecret] },
  { name: 'AWS secret in .env.example', file: '.env.example', text: `AWS_ACCESS_KEY_ID=${awsKeyId}\nAWS_SECRET_ACCESS_KEY=${awsSecret}\n`, secrets: [awsKeyId, awsSecret] },
  { name: '.env.example database password', file: '.env.example', text: `DATABASE_HOST=db.example.com\nDATABASE_PASSWORD=${dbPassword}\n`, secrets: [dbPassword] },
  { name: '.env.example session secret', file: '.env.example', text: `SESSION_SECRET=${sessionSecret}\nPORT=3000\n`, secrets: [sessionSecret] },
  { name: 'exported shell token', file: 'deploy.sh', text: `#!/bin/sh\nexport GITHUB_TOKEN=${githubPat}\ngh release create v1\n`, secrets: [githubPat] },
  { name: 'legacy .npmrc _authToken', file: '.npmrc', text: `//registry.npmjs.org/:_authToken=${npmLegacy}\nalways-auth=true\n`, secrets: [npmLegacy] },
  { name: '.npmrc npm token', file: '.npmrc', text: `//registry.npmjs.org/:_authToken=${npmToken}\n`, secrets: [npmToken] },
  { name: 'Docker config auth', file: 'config.json', text: `{\n  "auths": {\n    "https://index.docker.io/v1/": { "auth": "${dockerAuth}" }\n  }\n}\n`, secrets: [dockerAuth] },
  { name: 'Bearer header in an object', file: 'client.ts', text: `const headers = { Authorization: 'Bearer ${hexToken}' };\n`, secrets: [hexToken] },
  { name: 'Bearer header in a fetch call', file: 'fetch.js', text: `await fetch(url, { headers: { 'Authorization': "Bearer ${sessionSecret}" } });\n`, secrets: [sessionSecret] },
  { name: 'Basic header line in curl', file: 'README.md', text: `curl -H "Authorization: Basic ${basicAuth}" https://api.example.com/v1/items\n`, secrets: [basicAuth] },
  { name: 'Basic header in an HTTP file', file: 'requests.http', text: `GET https://api.example.com/v1/items\nAuthorization: Basic ${basicAuth}\n`, secrets: [basicAuth] },
  { name: 'Proxy-Authorization header', file: 'proxy.txt', text: `Proxy-Authorization: Bearer ${hexToken}\n`, secrets: [hexToken] },
  { name: 'x-api-key header', file: 'call.sh', text: `curl -H "x-api-key: ${hexToken}" https://api.example.com/\n`, secrets: [hexToken] },
  { name: 'JWT in code', file: 'auth.test.ts', text: `const token = '${jwt}';\n`, secrets: [jwt] },
  { name: 'JWT unnamed', file: 'fixture.ts', text: `request.set('Cookie', 'session=${jwt}');\n`, secrets: [jwt] },
  { name: 'JWT pasted in prose', file: 'notes.txt', text: `The failing request carried ${jwt} as its credential.\n`, secrets: [jwt] },
  { name: 'Twilio client', file: 'sms.ts', text: `import twilio from 'twilio';\nconst client = twilio('${twilioSid}', '${twilioToken}');\n`, secrets: [twilioToken] },
  { name: 'Twilio auth token in .env.example', file: '.env.example', text: `TWILIO_ACCOUNT_SID=${twilioSid}\nTWILIO_AUTH_TOKEN=${twilioToken}\n`, secrets: [twilioToken] },
  { name: 'Twilio auth token in an object', file: 'twilio.js', text: `module.exports = { accountSid: '${twilioSid}', authToken: '${twilioToken}' };\n`, secrets: [twilioToken] },
  { name: 'URL password on an .internal host', file: 'db.ts', text: `const url = 'postgres://app:${dbPassword}@db.prod.internal:5432/app';\n`, secrets: [dbPassword] },
  { name: 'URL password on a .local host', file: 'docker-compose.yml', text: `services:\n  api:\n    environment:\n      - DATABASE_URL=postgres://app:${dbPassword}@postgres.svc.cluster.local/app\n`, secrets: [dbPassword] },
  { name: 'URL password on localhost', file: 'dev.ts', text: `const redis = new Redis('redis://default:${sessionSecret}@localhost:6379');\n`, secrets: [sessionSecret] },
  { name: 'URL password on a public host', file: 'mongo.ts', text: `mongoose.connect('mongodb+srv://admin:${dbPassword}@cluster0.ab12c.mongodb.net/shop');\n`, secrets: [dbPassword] },
  { name: 'Redis URL with an empty user', file: 'cache.py', text: `REDIS_URL = "redis://:${sessionSecret}@cache.example.com:6379/0"\n`, secrets: [sessionSecret] },
  { name: 'AMQP URL', file: 'queue.yaml', text: `broker:\n  url: amqps://orders:${dbPassword}@rabbit.example.com/vhost\n`, secrets: [dbPassword] },
  { name: 'Git credentials line', file: '.git-credentials', text: `https://octocat:${githubPat}@github.com\n`, secrets: [githubPat] },
  { name: 'ADO.NET connection string', file: 'appsettings.json', text: `{\n  "ConnectionStrings": { "Default": "Server=tcp:shop.database.windows.net,1433;User ID=admin;Password=${dbPassword};Encrypt=True;" }\n}\n`, secrets: [dbPassword] },
  { name: 'JDBC password parameter', file: 'application.properties', text: `spring.datasource.url=jdbc:postgresql://db.example.com/shop?user=app&password=${dbPassword}\n`, secrets: [dbPassword] },
  { name: 'Spring datasource password', file: 'application.properties', text: `spring.datasource.username=app\nspring.datasource.password=${dbPassword}\n`, secrets: [dbPassword] },
  { name: 'Azure storage connection string', file: 'storage.ts', text: `const conn = 'DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=${cat(pemBody.slice(0, 40), 'AbCd==')};EndpointSuffix=core.windows.net';\n`, secrets: [cat(pemBody.slice(0, 40), 'AbCd==')] },
  { name: 'GitHub classic token', file: 'gh.ts', text: `const octokit = new Octokit({ auth: '${githubPat}' });\n`, secrets: [githubPat] },
  { name: 'GitHub OAuth token', file: 'oauth.json', text: `{ "access_token": "${githubOauth}", "token_type": "bearer" }\n`, secrets: [githubOauth] },
  { name: 'GitHub fine-grained token', file: 'ci.yml', text: `env:\n  GH_TOKEN: ${githubFine}\n`, secrets: [githubFine] },
  { name: 'GitLab token', file: '.gitlab-ci.yml', text: `variables:\n  GITLAB_TOKEN: "${gitlab}"\n`, secrets: [gitlab] },
  { name: 'Stripe secret key', file: 'pay.ts', text: `const stripe = new Stripe('${stripeLive}');\n`, secrets: [stripeLive] },
  { name: 'Stripe restricted key', file: 'pay.py', text: `stripe.api_key = "${stripeRestricted}"\n`, secrets: [stripeRestricted] },
  { name: 'Stripe webhook secret', file: 'webhook.ts', text: `const endpointSecret = '${stripeWebhook}';\n`, secrets: [stripeWebhook] },
  { name: 'Slack bot token', file: 'slack.ts', text: `const app = new App({ token: '${slackBot}' });\n`, secrets: [slackBot] },
  { name: 'Slack app token', file: 'socket.env.example', text: `SLACK_APP_TOKEN=${slackApp}\n`, secrets: [slackApp] },
  { name: 'Slack webhook URL', file: 'notify.sh', text: `curl -X POST -d '{"text":"deployed"}' ${slackWebhook}\n`, secrets: [slackWebhook.slice('https://hooks.slack.com/services/'.length)] },
  { name: 'Google API key', file: 'maps.html', text: `<script src="https://maps.googleapis.com/maps/api/js?key=${googleKey}"></script>\n`, secrets: [googleKey] },
  { name: 'Google OAuth client secret', file: 'client_secret.json', text: `{"installed":{"client_id":"123.apps.googleusercontent.com","client_secret":"${googleOauth}"}}\n`, secrets: [googleOauth] },
  { name: 'GCP service account private key', file: 'service-account.json', text: `{\n  "type": "service_account",\n  "private_key": "${pemHeader('PRIVATE KEY')}\\n${pemBody}\\n${pemFooter('PRIVATE KEY')}\\n"\n}\n`, secrets: [pemBody] },
  { name: 'OpenAI project key', file: 'ai.py', text: `client = OpenAI(api_key="${openaiProject}")\n`, secrets: [openaiProject] },
  { name: 'OpenAI legacy key', file: 'ai.js', text: `const openai = new OpenAI({ apiKey: '${openaiLegacy}' });\n`, secrets: [openaiLegacy] },
  { name: 'Anthropic key', file: 'claude.ts', text: `const anthropic = new Anthropic({ apiKey: '${anthropic}' });\n`, secrets: [anthropic] },
  { name: 'SendGrid key', file: 'mail.rb', text: `SENDGRID_API_KEY = '${sendgrid}'\n`, secrets: [sendgrid] },
  { name: 'Shopify token', file: 'shop.toml', text: `[shopify]\naccess_token = "${shopify}"\n`, secrets: [shopify] },
  { name: 'Hugging Face token', file: 'hf.py', text: `login(token="${huggingFace}")\n`, secrets: [huggingFace] },
  { name: 'DigitalOcean token', file: 'main.tf', text: `provider "digitalocean" {\n  token = "${digitalOcean}"\n}\n`, secrets: [digitalOcean] },
  { name: 'Square token', file: 'square.go', text: `client := square.NewClient("${square}")\n`, secrets: [square] },
  { name: 'PEM RSA key block', file: 'key.pem', text: `${pemHeader('RSA PRIVATE KEY')}\n${pemBody}\n${pemBody}\n${pemFooter('RSA PRIVATE KEY')}\n`, secrets: [pemBody] },
  { name: 'PEM key in a template literal', file: 'sign.ts', text: `const key = \`${pemHeader('EC PRIVATE KEY')}\n${pemBody}\n${pemFooter('EC PRIVATE KEY')}\`;\n`, secrets: [pemBody] },
  { name: 'encrypted PEM key', file: 'legacy.key', text: `${pemHeader('RSA PRIVATE KEY')}\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,34F09A4FC8DE4BB7D3CA9D6F0F3A4A06\n\n${pemBody}\n${pemFooter('RSA PRIVATE KEY')}\n`, secrets: [pemBody] },
  { name: 'OpenSSH key', file: 'id_ed25519.txt', text: `${pemHeader('OPENSSH PRIVATE KEY')}\n${pemBody}\n${pemFooter('OPENSSH PRIVATE KEY')}\n`, secrets: [pemBody] },
  { name: 'Kubernetes env value', file: 'deployment.yaml', text: `env:\n  - name: DB_PASSWORD\n    value: "${dbPassword}"\n`, secrets: [dbPassword] },
  { name: 'compose environment list', file: 'compose.yaml', text: `services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD=${dbPassword}\n`, secrets: [dbPassword] },
  { name: 'Dockerfile ENV', file: 'Dockerfile', text: `FROM node:20\nENV API_TOKEN=${hexToken}\n`, secrets: [hexToken] },
  { name: 'Python settings secret', file: 'settings.py', text: `SECRET_KEY = '${sessionSecret}'\nDEBUG = False\n`, secrets: [sessionSecret] },
  { name: 'Python dict password', file: 'db.py', text: `DATABASES = {'default': {'USER': 'app', 'PASSWORD': '${dbPassword}'}}\n`, secrets: [dbPassword] },
  { name: 'Terraform variable default', file: 'variables.tf', text: `variable "db_password" {\n  default = "${dbPassword}"\n}\n`, secrets: [dbPassword] },
  { name: 'Helm values', file: 'values.yaml', text: `redis:\n  auth:\n    password: ${dbPassword}\n`, secrets: [dbPassword] },
  { name: '.pypirc password', file: '.pypirc', text: `[pypi]\nusername = __token__\npassword = ${cat('pypi-', 'AgEIcHlwaS5vcmc', 'Zq8Kd02LmXnP4rTs6VwYb1Cf3Hj5Nk7Qa9UeRt2Yp4Wm6Xs8Vb0Nc')}\n`, secrets: [cat('pypi-', 'AgEIcHlwaS5vcmc', 'Zq8Kd02LmXnP4rTs6VwYb1Cf3Hj5Nk7Qa9UeRt2Yp4Wm6Xs8Vb0Nc')] },
  { name: 'Datadog key in YAML', file: 'datadog.yaml', text: `api_key: ${hexToken}\nsite: datadoghq.eu\n`, secrets: [hexToken] },
  { name: 'client secret in JS config', file: 'auth.config.js', text: `export default { clientId: 'shop-web', clientSecret: '${sessionSecret}' };\n`, secrets: [sessionSecret] },
  { name: 'password assignment in Java', file: 'Db.java', text: `private static final String DB_PASSWORD = "${dbPassword}";\n`, secrets: [dbPassword] },
  { name: 'token in a Markdown setup step', file: 'SETUP.md', text: `Run \`export OPENAI_API_KEY=${openaiProject}\` before starting.\n`, secrets: [openaiProject] },
  { name: 'password flag on a command line', file: 'backup.sh', text: `mysqldump --user=root --password=${dbPassword} shop > shop.sql\n`, secrets: [dbPassword] },
];
