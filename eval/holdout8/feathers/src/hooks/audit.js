const logger = require('../logger');

module.exports = function audit() {
  return async (context) => {
    const { params, method, path } = context;
    logger.debug('request headers', params.headers); // expect: secret-in-log
    logger.info(`feathers ${method} ${path}`, { agent: params.headers && params.headers['user-agent'] });
    if (params.authentication) {
      logger.info('authenticated call', { strategy: params.authentication.strategy });
    }
    return context;
  };
};
