/** GET /public/config: what every screen may show, without login. */
export interface SiteConfig {
  /** The 人社 service phone people call with questions or to change or delete their data (SERVICE_PHONE). */
  servicePhone: string;
}
