import type { Config, ConfigModel } from './schema.js';

/**
 * The settings that change what runs or for how long (patterns, size and time limits,
 * overrides): an untrusted repository's own configuration file may not set them. VS Code
 * restricts the same keys in the workspace's settings (`restrictedConfigurations`, generated
 * from this list). Severities stay: a rule turned off or on runs nothing the user did not install.
 */
export function restrictedKeys(model: ConfigModel): string[] {
  return Object.keys(model.shape).filter((key) => key !== 'rules');
}

/** `fromFile` with every restricted key taken back from `base`; the keys the file had changed. */
export function withoutRestricted(model: ConfigModel, fromFile: Config, base: Config): { config: Config; ignored: string[] } {
  const ignored = restrictedKeys(model).filter((key) => JSON.stringify(fromFile[key]) !== JSON.stringify(base[key]));
  return { config: { ...fromFile, ...Object.fromEntries(ignored.map((key) => [key, base[key]])) }, ignored };
}
