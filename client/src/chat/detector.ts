import { findSecrets } from '../../../server/src/secrets/credentials.js';
import type { CredentialDetector } from './redaction.js';

/** The engine's pure text detector (known token formats, PEM blocks, URL passwords, Authorization values). */
export const detectCredentials: CredentialDetector = (_path, text) => findSecrets(text).map(({ start, end }) => ({ start, end }));
