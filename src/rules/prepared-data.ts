/**
 * What the build computed for `prepared` (src/rules/prepared.ts): the bundler replaces this module
 * with the values of the built-in rules (scripts/build.mjs). From the sources it is empty.
 */
export const PREPARED: Record<string, unknown> = {};
