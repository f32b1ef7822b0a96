/**
 * What a jsonb column holds. Deliberately shallow (nested values are `object`):
 * a recursive JSON type makes TypeORM's insert types explode.
 */
export type JsonValue = string | number | boolean | null | object;
export type JsonObject = { [key: string]: JsonValue };
