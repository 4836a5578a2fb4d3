/**
 * Logging libraries and the methods that write a record (contract: secret-in-log). Read by
 * `analysis/logging.ts`, which also recognises an app's loggers by name (`logger`,
 * `this.log`, `request.log`): those get the level methods of every library here, since a
 * receiver's name rarely tells its library.
 */

export interface LoggerLibrary {
  /** The npm modules, or `'<global>'` for a global logger object. */
  modules: readonly string[];
  /** The methods that write a record: one per level, plus the generic `log` where there is one. */
  levels: readonly string[];
  /**
   * Where a ready-made logger is: a global object (`console`), or the module's own export
   * (`winston.info(...)`). Absent when loggers are made from the library (`pino()`,
   * `new Logger()`) and recognised by their names.
   */
  instance?: { global: string } | 'module export';
}

export const LOGGER_LIBRARIES: readonly LoggerLibrary[] = [
  { modules: ['<global>'], levels: ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'], instance: { global: 'console' } },
  // npm levels, then syslog levels (`winston.config.syslog.levels`).
  { modules: ['winston'], levels: ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly', 'log', 'emerg', 'alert', 'crit', 'warning', 'notice'], instance: 'module export' },
  { modules: ['consola'], levels: ['fatal', 'error', 'warn', 'log', 'info', 'debug', 'trace', 'verbose'], instance: 'module export' },
  { modules: ['signale'], levels: ['fatal', 'error', 'warn', 'log', 'info', 'debug'], instance: 'module export' },
  { modules: ['npmlog'], levels: ['silly', 'verbose', 'info', 'timing', 'http', 'notice', 'warn', 'error'], instance: 'module export' },
  { modules: ['pino'], levels: ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] },
  { modules: ['bunyan'], levels: ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] },
  { modules: ['log4js'], levels: ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'mark', 'log'] },
  { modules: ['@nestjs/common'], levels: ['log', 'error', 'warn', 'debug', 'verbose', 'fatal'] },
  { modules: ['@aws-lambda-powertools/logger'], levels: ['trace', 'debug', 'info', 'warn', 'error', 'critical'] },
];
