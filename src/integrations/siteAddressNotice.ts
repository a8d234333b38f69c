import type { AstroIntegration } from 'astro';
import { NO_SITE_WARNING } from '../lib/site/siteAddress.ts';

/** Warns once per build when no site address is configured (see lib/siteAddress.ts). */
export function siteAddressNotice(): AstroIntegration {
  return {
    name: 'site-address-notice',
    hooks: {
      'astro:build:start': ({ logger }) => {
        logger.warn(NO_SITE_WARNING);
      },
    },
  };
}
