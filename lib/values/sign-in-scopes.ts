/** Console users sign in by email, API users by loginId; failed sign-ins are counted per scope. */
export const SIGN_IN_SCOPES = ["console", "api"] as const;
