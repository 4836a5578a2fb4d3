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
