import { redactableSecrets } from '../../../server/src/secrets/redactable.js';
import type { CredentialDetector } from './redaction.js';

/** The engine's detector in its redaction mode: tokens, PEM blocks, URL passwords, Authorization values, credential-named values. */
export const detectCredentials: CredentialDetector = redactableSecrets;
