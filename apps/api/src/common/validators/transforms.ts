/** class-transformer @Transform functions shared by the DTOs. */
type Input = { value: unknown };

/** Surrounding spaces never count: "  张经理 " is 张经理. */
export const trim = ({ value }: Input) => (typeof value === 'string' ? value.trim() : value);

/** Codes typed in lower case are the same codes. */
export const trimUpper = ({ value }: Input) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

/** A query-string number: empty means absent; anything else is Number()'d and then validated. */
export const toNumber = ({ value }: Input) => (value === '' || value === undefined ? undefined : Number(value));

/** 'true' / 'false' in a query string as booleans (anything else is left for @IsBoolean to refuse). */
export const toBoolean = ({ value }: Input) => (value === 'true' ? true : value === 'false' ? false : value);

/**
 * Characters that show nothing or reorder what is shown: C0 and C1 controls, DEL, the bidi marks,
 * embeddings, overrides and isolates (U+200E/U+200F, U+202A–U+202E, U+2066–U+2069, U+061C), and the
 * zero-width space, word joiner and BOM. In a name or title they let "王秀英" and "王\u202e英秀" look
 * alike or flip the text around them. Line breaks are handled by each transform below.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/** Strips invisible and reordering characters and trims; line breaks count as spaces. */
export function cleanLineText(value: string): string {
  return value.replace(/\r\n?|\n/g, ' ').replace(INVISIBLE, '').trim();
}

/** Strips invisible and reordering characters and trims, keeping line breaks (as \n). */
export function cleanMultilineText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').trim();
}

/** For names, titles and other one-line texts: see cleanLineText. */
export const cleanLine = ({ value }: Input) => (typeof value === 'string' ? cleanLineText(value) : value);

/** For descriptions, notes and reasons: see cleanMultilineText. */
export const cleanText = ({ value }: Input) => (typeof value === 'string' ? cleanMultilineText(value) : value);

/** For lists of words (skills): cleanLineText on each string. */
export const cleanEach = ({ value }: Input) => (Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? cleanLineText(v) : v)) : value);
