import axios from 'axios';

export function configureHttp({ timeoutMs = 8_000, userAgent = 'acme-internal/2.0' } = {}) {
  axios.defaults.timeout = timeoutMs;
  axios.defaults.headers.common['user-agent'] = userAgent;
}

export async function featureFlags(env: string) {
  const { data } = await axios.get<Record<string, boolean>>(`https://flags.acme-platform.com/v1/${env}`);
  return data;
}

export async function publishRelease(version: string, notes: string) {
  await axios.post('https://releases.acme-platform.com/v1/releases', { version, notes });
}
