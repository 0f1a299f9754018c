import type { SecurityHeadersOptions } from '@nestjs/common';
import type { AppConfig } from '@/config/config.js';

/**
 * The security headers of every response (`app.useSecurityHeaders()`, helmet's headers as Nest
 * ships them), with what this service needs changed. Pages keep their own Content-Security-Policy
 * and may set a stricter Referrer-Policy of their own (the desk, the login popup).
 */
export function securityHeaderOptions(config: AppConfig): SecurityHeadersOptions {
  return {
    // Each page sets its own (see src/modules/embed and the login popup); JSON needs none.
    contentSecurityPolicy: false,
    // The login popup posts its answer to window.opener: a same-origin COOP, on the page that opens
    // it or on the popup, would cut that link.
    crossOriginOpenerPolicy: false,
    // Nothing here is for other sites to load as a resource but the loader, which says `cross-origin`
    // itself. (Neither CORS requests nor frames are concerned: the widget's frame is a navigation.)
    crossOriginResourcePolicy: { policy: 'same-origin' },
    // Who may frame a page is said by its CSP's frame-ancestors; SAMEORIGIN would refuse the widget's
    // frame on publishers' pages in a browser that still reads it.
    xFrameOptions: false,
    // Links and requests to other sites learn our origin, not the page (the frame's URL names the
    // host page and the article). Not `no-referrer`: a login provider may compare the origin of the
    // popup's redirect with the site registered with it.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Over https only. Not for subdomains: the service may live on a publisher's own domain.
    strictTransportSecurity: config.publicUrl.startsWith('https:') ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  };
}

/** No page of the service uses a device or a powerful feature; nor may anything they frame. */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'sync-xhr',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');
