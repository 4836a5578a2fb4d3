import { sharedSettings } from '../../config/settings.js';
import { defineMeta } from '../../engine/rule.js';

const REPOSITORY_RISK = 'anyone who can read the repository (or a leaked copy of it) can use it';

export const MESSAGES = {
  pem: `Hardcoded PEM private key: ${REPOSITORY_RISK}. Load it from a secret store or a file kept out of the repository, and rotate the key.`,
  urlPassword: `Hardcoded password in a URL (\`{{preview}}\`): ${REPOSITORY_RISK}. Build the URL from an environment variable or a secret store, and rotate the password.`,
  authorization: `Hardcoded credential in an Authorization header (\`{{preview}}\`): ${REPOSITORY_RISK}. Build the header from a token loaded from the environment or a secret store, and rotate it.`,
  token: `Hardcoded {{label}} (\`{{preview}}\`): ${REPOSITORY_RISK}. Load it from the environment or a secret store, and rotate it.`,
  namedInCode: `Hardcoded credential in \`{{name}}\` (\`{{preview}}\`): ${REPOSITORY_RISK}. Read it from the environment (\`process.env\`) or a secret store, and rotate it.`,
  namedInPython: `Hardcoded credential in \`{{name}}\` (\`{{preview}}\`): ${REPOSITORY_RISK}. Read it from the environment (\`os.environ["{{name}}"]\`) or a secret store, and rotate it.`,
  namedInText: `Hardcoded credential in \`{{name}}\` (\`{{preview}}\`): ${REPOSITORY_RISK}. Reference an environment variable or a secret instead, and rotate it.`,
  sink: `Hardcoded secret passed to {{sink}} (\`{{preview}}\`): ${REPOSITORY_RISK} to forge or sign as this service. Pass a secret loaded from the environment or a secret store, and rotate it.`,
};

const CODE_MESSAGES = {
  useEnv: 'Read it from the environment: `{{reference}}` (and list {{name}} in .env.example)',
  dropFallback: 'Drop the hardcoded fallback: read {{name}} from the environment only (and list it in .env.example)',
  dropAssignment: 'Drop the assignment: set {{name}} in the environment (and list it in .env.example)',
};

const TEXT_MESSAGES = {
  useVariable: 'Replace it with `{{reference}}` (and list {{name}} in .env.example)',
  useBuildArgument: 'Take {{name}} as a build argument (`ARG {{name}}`) instead of a value in the image',
  useTerraformVariable: 'Replace it with `var.{{name}}`, a sensitive input variable',
  dropTerraformDefault: 'Drop the default: Terraform then asks for var.{{name}} (or reads TF_VAR_{{name}})',
  emptyExample: 'Leave the value empty in this example file',
  usePlaceholder: 'Replace it with the placeholder `{{placeholder}}`',
};

export const optionsShape = { credentialNames: sharedSettings.credentialNames, placeholders: sharedSettings.placeholders, localHosts: sharedSettings.localHosts };

export const meta = defineMeta({
  id: 'hardcoded-credential',
  defaultSeverity: 'error',
  description: 'A credential is written into the source instead of coming from the environment or a secret store.',
  category: 'security',
  messages: { ...MESSAGES, ...CODE_MESSAGES, ...TEXT_MESSAGES },
  options: optionsShape,
  hasSuggestions: true,
});
