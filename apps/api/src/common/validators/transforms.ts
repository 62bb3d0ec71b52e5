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
