import { InputError } from '../core/errors.js';

/** A configuration file that cannot be used; `file` and `line` say where. */
export class ConfigError extends InputError {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
  ) {
    super(line ? `${file}:${line}: ${message}` : `${file}: ${message}`);
  }
}
