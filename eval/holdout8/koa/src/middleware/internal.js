module.exports = function internalOnly(config) {
  if (config.internalToken !== process.env.INTERNAL_TOKEN) { // expect: timing-unsafe-comparison
    throw new Error('internal token mismatch between config file and environment');
  }
  return async function (ctx, next) {
    const presented = ctx.get('x-internal-token');
    if (typeof presented !== 'string' || presented.length === 0) ctx.throw(401);
    if (presented !== process.env.INTERNAL_TOKEN) ctx.throw(403); // expect: timing-unsafe-comparison
    const scheme = (ctx.get('authorization') || '').split(' ')[0];
    if (scheme === 'Bearer') ctx.state.bearer = true;
    await next();
  };
};
