/** Password rules shared by the server configuration and the forms' own checks. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** The code and words of the refusal of a password made only of whitespace (server and forms). */
export const PASSWORD_BLANK_CODE = "PASSWORD_BLANK";
export const PASSWORD_BLANK_MESSAGE = "Password cannot be only spaces.";
