import { defineEventHandler, getHeader, createError } from 'h3';
import { rebuildIndex } from '../../utils/search';

export default defineEventHandler(async (event) => {
  const config = useRuntimeConfig(event);
  const auth = getHeader(event, 'authorization');
  if (auth !== `Bearer ${config.cronSecret}`) { // expect: timing-unsafe-comparison
    throw createError({ statusCode: 401, statusMessage: 'unauthorized' });
  }
  if (config.cronSecret === config.public.previewSecret) {
    console.warn('cron secret equals preview secret');
  }
  const count = await rebuildIndex();
  return { count };
});
