// One definition of how messages compile, shared by the Vite plugin and the typecheck script.
// Locale: an explicit choice (cookie) wins, then the browser's languages, then zh-CN.
// URLs carry no locale prefix so that links stay stable.

/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
  project: './project.inlang',
  outdir: './src/lib/paraglide',
  strategy: ['cookie', 'preferredLanguage', 'baseLocale'],
  cookieName: 'PARAGLIDE_LOCALE',
};
