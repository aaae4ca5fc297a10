/**
 * The web page's Content-Security-Policy, sent by `gongwen-lint serve` and written into the built
 * page: inline script and style only, and nothing may be fetched or sent — documents stay local.
 */
export const PAGE_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; connect-src 'none'; base-uri 'none'; form-action 'none'";
