/** Every list route answers with this shape; pass `nextCursor` back as `cursor` for the next page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface FieldError {
  field: string;
  message: string;
}

/** Every error answer. `message` is Chinese and meant for a person. */
export interface ApiError {
  statusCode: number;
  message: string;
  errors?: FieldError[];
}
