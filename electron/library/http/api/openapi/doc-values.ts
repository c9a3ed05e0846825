/** Values the route declarations' OpenAPI descriptions share. */

/** An id no example library has: its examples answer 404. */
export const UNKNOWN_ID = 999_999;

export const text = { type: 'string' };
export const textList = { type: 'string', description: 'Repeat the parameter or separate values with commas' };
