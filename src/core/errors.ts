// One error class per meaning, so every entry point maps them to the same exit code.

/** What the user gave cannot be used as it is (a missing file, a bad flag value, a malformed plan): exit 2. */
export class InputError extends Error {}
