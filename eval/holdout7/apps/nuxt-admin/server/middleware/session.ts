import { defineEventHandler, getCookie, getRequestURL } from 'h3';
import { decodeJwt } from 'jose';

export default defineEventHandler((event) => {
  if (!getRequestURL(event).pathname.startsWith('/api/admin')) return;
  const token = getCookie(event, 'admin_session');
  if (!token) return;
  const claims = decodeJwt(token); // expect: jwt-unverified
  event.context.admin = { id: claims.sub, roles: claims.roles as string[] };
});
