/** Password length limits, shared by the server configuration and the forms' own checks. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
