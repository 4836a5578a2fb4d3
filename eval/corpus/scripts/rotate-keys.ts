import { IAMClient, CreateAccessKeyCommand, DeleteAccessKeyCommand, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { SecretsManagerClient, PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { createSign } from 'node:crypto';

const DEPLOY_USER = 'ci-deployer';
const SECRET_ID = 'ci/deployer/aws-keys';

const bootstrapCredentials = {
  accessKeyId: 'AKIA28QR8BYIJVWK8CZP', // expect: hardcoded-credential
  secretAccessKey: 'C5XF2yB0fS1w98ODFFKqazT0WzTq1WB/UNcOP3rc', // expect: hardcoded-credential
};

const docsExample = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', region: 'us-east-1' };

const RELEASE_SIGNING_KEY = /* expect: hardcoded-credential */ `-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun
VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK
LxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo
-----END RSA PRIVATE KEY-----`;

async function rotate(): Promise<void> {
  const iam = new IAMClient({ region: 'us-east-1', credentials: bootstrapCredentials });
  const secrets = new SecretsManagerClient({ region: 'us-east-1' });

  const { AccessKeyMetadata = [] } = await iam.send(new ListAccessKeysCommand({ UserName: DEPLOY_USER }));
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: DEPLOY_USER }));
  if (!AccessKey?.AccessKeyId || !AccessKey.SecretAccessKey) throw new Error('IAM returned no key');

  await secrets.send(
    new PutSecretValueCommand({
      SecretId: SECRET_ID,
      SecretString: JSON.stringify({ accessKeyId: AccessKey.AccessKeyId, secretAccessKey: AccessKey.SecretAccessKey }),
    }),
  );
  console.log(`rotated ${DEPLOY_USER}: new key ${AccessKey.AccessKeyId}`);
  console.log('new secret access key', AccessKey.SecretAccessKey); // expect: secret-in-log

  for (const old of AccessKeyMetadata) {
    await iam.send(new DeleteAccessKeyCommand({ UserName: DEPLOY_USER, AccessKeyId: old.AccessKeyId }));
    console.log(`deleted ${old.AccessKeyId} (created ${old.CreateDate?.toISOString()})`);
  }
}

function signManifest(manifest: string): string {
  const signer = createSign('RSA-SHA256');
  signer.update(manifest);
  return signer.sign(RELEASE_SIGNING_KEY, 'base64');
}

rotate()
  .then(() => console.log('manifest signature', signManifest(JSON.stringify(docsExample))))
  .catch((err) => {
    console.error('rotation failed', err);
    process.exitCode = 1;
  });
