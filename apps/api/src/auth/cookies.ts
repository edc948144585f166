export const COOKIES = {
  staffSession: 'sd_session',
  portalSession: 'sd_portal',
  /** Double-submit token for forms posted before there is a session (login, reset, portal sign-in). */
  csrf: 'sd_csrf',
} as const;
