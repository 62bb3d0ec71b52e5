/** Outcome of a pure validator: the normalised value, or a Chinese message meant for a person. */
export type ValidationResult<T extends object = object> =
  | ({ ok: true; value: string } & T)
  | { ok: false; message: string };
