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

// `::ffff:` then the IPv4 address, dotted or as two hex groups (RFC 4291 §2.5.5.2); the long form too.
const MAPPED_V4 = /^(?:::|(?:0{1,4}:){5})ffff:(?:(\d{1,3}(?:\.\d{1,3}){3})|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/;
const LONG_LOOPBACK_V6 = /^(?:0{1,4}:){7}0{0,3}1$/;

/** The IPv4 address an IPv4-mapped IPv6 address stands for: `::ffff:7f00:1` → `127.0.0.1`. */
function mappedIpv4(name: string): string | undefined {
  const match = MAPPED_V4.exec(name);
  if (!match) return undefined;
  if (match[1]) return match[1];
  const [high, low] = [parseInt(match[2], 16), parseInt(match[3], 16)];
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** True when a `localHosts` entry covers the (normalized) host: the entry's host or a subdomain of it. */
function entryCovers(entry: string, name: string): boolean {
  const zone = normalizeHost(entry.replace(/^\*?\./, ''));
  return zone !== '' && (name === zone || name.endsWith(`.${zone}`));
}

/**
 * Local per the contract (localhost, 127.0.0.0/8, ::1, 0.0.0.0, *.localhost, *.local, *.internal, also written as
 * IPv4-mapped IPv6: `[::ffff:7f00:1]`) or per `localHosts`. Private-range addresses are not local.
 */
export function isLocalHost(host: string, localHosts: readonly string[] = []): boolean {
  const name = normalizeHost(host);
  const v4 = mappedIpv4(name) ?? name;
  if (LOCAL_NAMES.has(v4) || LOOPBACK_V4.test(v4) || LONG_LOOPBACK_V6.test(name)) return true;
  if (LOCAL_SUFFIXES.some((suffix) => name.endsWith(suffix))) return true;
  return localHosts.some((entry) => entryCovers(entry, name));
}
