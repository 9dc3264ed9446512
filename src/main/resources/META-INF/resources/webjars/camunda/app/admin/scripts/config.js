// Mesa de Ayuda: admin in Spanish. This file replaces the webjar's own scripts/config.js (same path on the
// classpath, ours first); the options are Camunda's (docs.camunda.org, "admin configuration").
export default {
  app: {
    name: 'Administración',
    vendor: 'Mesa de Ayuda'
  },
  // only Spanish: an English browser would otherwise pick Camunda's en.json. Add 'en' to offer English to browsers
  // that ask for it first.
  locales: {
    availableLocales: ['es'],
    fallbackLocale: 'es'
  },
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  // the "Welcome to Camunda" box points to Camunda's product pages, not to ours
  disableWelcomeMessage: true
};
