import { z } from 'zod';

/** `/config.json`: runtime settings of the SPA, served by the API from its environment. */
export const WebConfigSchema = z.object({
  /** Base URL of the API ("" = same origin). */
  apiUrl: z.string(),
  /** OIDC issuer the browser talks to, e.g. https://auth.example.com/realms/ERP_Velosi. */
  issuerUrl: z.url(),
  /** Public OIDC client of the SPA. */
  clientId: z.string().min(1),
});
export type WebConfig = z.infer<typeof WebConfigSchema>;
