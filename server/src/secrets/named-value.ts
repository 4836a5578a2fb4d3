/** A key and the literal value written under it in a config-like file. */
export interface NamedValue {
  name: string;
  /** The value's source text (without quotes): always `text.slice(start, end)`. */
  value: string;
  /** Offsets of the value (without quotes) in the file text. */
  start: number;
  end: number;
  /** A plain value in a YAML flow collection (`{password: s3cret}`), where a bare `${NAME}` would not parse. */
  inFlow?: boolean;
}

/**
 * What a config parser read: the named values, and the spans of text embedded in a value
 * (a config file in a Kubernetes ConfigMap's block scalar) for the line reader to read too.
 */
export interface ParsedValues {
  values: NamedValue[];
  embedded: { start: number; end: number }[];
}
