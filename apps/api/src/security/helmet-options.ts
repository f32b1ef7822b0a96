import type { HelmetOptions } from 'helmet';

/**
 * Helmet's defaults plus a CSP that still runs Swagger UI at /api/docs: its
 * scripts and stylesheets are served from this origin, its page has inline
 * <style> blocks and data: images. No inline scripts anywhere. HTTPS upgrades only
 * in production, so plain-HTTP local development keeps loading the UI's assets.
 */
export function helmetOptions(production: boolean): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: production ? [] : null,
      },
    },
    // Same-origin API and docs: cross-origin isolation would only break embedding nothing we embed.
    crossOriginEmbedderPolicy: false,
  };
}
