// Mesa de Ayuda: Tasklist in Spanish. This file replaces the webjar's own scripts/config.js (same path on the
// classpath, ours first); the options are Camunda's (docs.camunda.org, "Tasklist configuration").
export default {
  app: {
    name: 'Tareas',
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
  disableWelcomeMessage: true,
  // form-js messages in Spanish, and actions the user may not take left out (scripts/mesa/tasklist.js)
  customScripts: ['scripts/mesa/tasklist'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'toma la tarea seleccionada'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'lleva el foco al primer filtro de la lista'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'lleva el foco a la primera tarea de la lista'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'lleva el foco al primer campo del formulario de la tarea'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'abre el diálogo para iniciar un proceso'
    }
  }
};
