import { defineEventHandler, getRouterParam, createError } from 'h3';

export default defineEventHandler(async (event) => {
  const id = getRouterParam(event, 'id');
  const config = useRuntimeConfig(event);
  const res = await fetch(`${config.usersApi}/users/${id}`, {
    headers: { authorization: `Bearer ${config.usersApiToken}` },
    signal: AbortSignal.timeout(4_000),
  });
  switch (res.status) {
    case 200:
      return res.json();
    case 404:
      throw createError({ statusCode: 404 });
    default:
      throw createError({ statusCode: 502, statusMessage: `users api ${res.status}` });
  }
});
