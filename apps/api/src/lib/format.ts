/**
 * 10000 → "10,000". Not `toLocaleString`: the first Intl call loads ICU's locale data, about 5 MB
 * of every API process's resident memory, for a few sentences (the OpenAPI document, the quota).
 */
export const withThousands = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ",");
