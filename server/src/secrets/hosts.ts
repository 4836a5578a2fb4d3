/**
 * Which hosts are local: the contract's list (insecure-transport's, which
 * hardcoded-credential's URL passwords share) and the `localHosts` setting. Pure string code,
 * shared by the rules and the chat's text detector.
 *
 * A `localHosts` entry names a host and every subdomain of it, as a DNS zone does:
 * `corp.example` covers `corp.example` and `wiki.corp.example`. A leading `*.` or `.` may be
 * written and means the same (`*.corp.example` also covers `corp.example`).
 */

const LOCAL_NAMES = new Set(['localhost', '0.0.0.0', '::1']);
// `.internal` covers host.docker.internal and `.local` covers *.svc.cluster.local.
const LOCAL_SUFFIXES = ['.localhost', '.local', '.internal'];
const LOOPBACK_V4 = /^127(?:\.\d{1,3}){3}$/;

/** Lower case, without IPv6 brackets or a trailing root dot: `[::1]` → `::1`, `Api.Example.` → `api.example`. */
function normalizeHost(host: string): string {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name;
}

/** True when a `localHosts` entry covers the (normalized) host: the entry's host or a subdomain of it. */
function entryCovers(entry: string, name: string): boolean {
  const zone = normalizeHost(entry.replace(/^\*?\./, ''));
  return zone !== '' && (name === zone || name.endsWith(`.${zone}`));
}

/** Local per the contract (localhost, 127.0.0.0/8, ::1, 0.0.0.0, *.localhost, *.local, *.internal) or per `localHosts`. Private-range addresses are not local. */
export function isLocalHost(host: string, localHosts: readonly string[] = []): boolean {
  const name = normalizeHost(host);
  if (LOCAL_NAMES.has(name) || LOOPBACK_V4.test(name)) return true;
  if (LOCAL_SUFFIXES.some((suffix) => name.endsWith(suffix))) return true;
  return localHosts.some((entry) => entryCovers(entry, name));
}
