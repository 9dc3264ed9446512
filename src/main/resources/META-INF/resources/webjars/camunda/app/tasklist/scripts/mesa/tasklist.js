// Mesa de Ayuda: Tasklist custom script (config.js, customScripts), loaded once as an ES module.
//
// 1. Camunda Forms in Spanish. Tasklist renders our forms with form-js, whose own texts ("Field is required.",
//    "Select", "Search", the date picker's months) are English literals in the bundle: form-js 1.x has no translation
//    service. They are translated where they appear, inside a form-js form (.fjs-container) or its date picker
//    (.flatpickr-calendar), and nowhere else.
// 2. Actions the user may not take are left out. Tasklist offers "Create task", the due and follow-up dates, the
//    candidate groups and the assignee to everybody, and the engine refuses them with a permission error. The script
//    asks the engine (GET authorization/check) what the user may do, and marks <html> with what is allowed:
//      mesa-may-create-task   CREATE on tasks              ("Crear tarea" in the header)
//      mesa-may-update-task   UPDATE on the selected task  (dates, groups)
//      mesa-may-assign-task   TASK_ASSIGN on the selected task (change or remove the assignee)
//      mesa-may-work-task     TASK_WORK on the selected task (claim it; quality only reads)
//    user-styles.css hides each action unless its class is there, so nothing is offered before the answer comes.
// 3. Each filter lists in its own order. Tasklist puts its default sorting (newest first) in the address and sends it
//    with every list request, which replaces the filter's: the first time a filter is opened with that default, the
//    filter's own sorting replaces it (our filters: due date, then priority; TasklistFilters). A sorting the user
//    picks afterwards stays hers.

const FORM_TEXTS = new Map([
  ['Field is required.', 'Este campo es obligatorio.'],
  ['Field must be a valid email.', 'Escriba una dirección de correo electrónico válida.'],
  ['Field must be a valid  international phone number. (e.g. +4930664040900)',
    'Escriba un número de teléfono internacional válido (por ejemplo, +50222220000).'],
  ['Field must be a valid international phone number. (e.g. +4930664040900)',
    'Escriba un número de teléfono internacional válido (por ejemplo, +50222220000).'],
  ['Value is not a number.', 'El valor no es un número.'],
  ['Value is expected to be an integer.', 'El valor debe ser un número entero.'],
  ['Select', 'Seleccione'],
  ['Search', 'Buscar'],
  ['No results', 'Sin resultados'],
  ['No values', 'Sin valores'],
  ['No options available', 'No hay opciones'],
  ['Remove tag', 'Quitar'],
  ['Remove item', 'Quitar elemento'],
  ['Delete item', 'Eliminar elemento'],
  ['Add new', 'Agregar'],
  ['Collapse', 'Contraer'],
  ['Expand', 'Expandir'],
  ['Date', 'Fecha'],
  ['Time', 'Hora'],
  ['Submit', 'Enviar'],
  ['Reset', 'Restablecer'],
  ['Increment', 'Aumentar'],
  ['Decrement', 'Disminuir'],
  ['Clear', 'Borrar'],
  ['Toggle', 'Mostrar u ocultar'],
  ['January', 'enero'], ['February', 'febrero'], ['March', 'marzo'], ['April', 'abril'], ['May', 'mayo'],
  ['June', 'junio'], ['July', 'julio'], ['August', 'agosto'], ['September', 'septiembre'], ['October', 'octubre'],
  ['November', 'noviembre'], ['December', 'diciembre'],
  ['Sun', 'do'], ['Mon', 'lu'], ['Tue', 'ma'], ['Wed', 'mi'], ['Thu', 'ju'], ['Fri', 'vi'], ['Sat', 'sá']
]);

const FORM_PATTERNS = [
  // a regular expression means nothing to the person typing: say what is wrong instead
  [/^Field must match pattern .*\.$/s, () => 'El valor no tiene el formato esperado.'],
  [/^Field must have minimum value of (.*)\.$/, (m) => `El valor mínimo es ${m[1]}.`],
  [/^Field must have maximum value of (.*)\.$/, (m) => `El valor máximo es ${m[1]}.`],
  [/^Field must have minimum length of (.*)\.$/, (m) => `Escriba al menos ${m[1]} caracteres.`],
  [/^Field must have maximum length of (.*)\.$/, (m) => `Escriba como máximo ${m[1]} caracteres.`],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => `El valor admite como máximo ${m[1]} decimales.`],
  [/^Please select a valid value, the two nearest valid values are (.*) and (.*)\.$/,
    (m) => `Elija un valor válido; los dos más cercanos son ${m[1]} y ${m[2]}.`]
];

const FORM_SCOPE = '.fjs-container, .flatpickr-calendar';
const ATTRIBUTES = ['placeholder', 'title', 'aria-label'];

export function translateFormText(text) {
  const trimmed = text.trim();
  if (!trimmed) {
    return text;
  }
  let spanish = FORM_TEXTS.get(trimmed);
  if (spanish === undefined) {
    for (const [pattern, replace] of FORM_PATTERNS) {
      const match = trimmed.match(pattern);
      if (match) {
        spanish = replace(match);
        break;
      }
    }
  }
  return spanish === undefined ? text : text.replace(trimmed, spanish);
}

function inForm(element) {
  return element && element.closest && element.closest(FORM_SCOPE);
}

function translateTextNode(node) {
  if (!inForm(node.parentElement)) {
    return;
  }
  const spanish = translateFormText(node.nodeValue);
  if (spanish !== node.nodeValue) {
    node.nodeValue = spanish;
  }
}

function translateAttributes(element) {
  if (!inForm(element)) {
    return;
  }
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value) {
      const spanish = translateFormText(value);
      if (spanish !== value) {
        element.setAttribute(name, spanish);
      }
    }
  }
}

function translateTree(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    translateTextNode(node);
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  translateAttributes(node);
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let current = walker.nextNode(); current; current = walker.nextNode()) {
    if (current.nodeType === Node.TEXT_NODE) {
      translateTextNode(current);
    } else {
      translateAttributes(current);
    }
  }
}

new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    if (mutation.type === 'childList') {
      mutation.addedNodes.forEach(translateTree);
    } else if (mutation.type === 'characterData') {
      translateTextNode(mutation.target);
    } else if (mutation.type === 'attributes') {
      translateAttributes(mutation.target);
    }
  }
}).observe(document.documentElement, {
  subtree: true,
  childList: true,
  characterData: true,
  attributes: true,
  attributeFilter: ATTRIBUTES
});

// --- what the user may do ---------------------------------------------------------------------------------------

const appRoot = (document.querySelector('base') || {getAttribute: () => null}).getAttribute('app-root') || '/camunda';
const TASK_RESOURCE_TYPE = 7;

async function authorized(permission, resourceId) {
  const query = new URLSearchParams({
    permissionName: permission,
    resourceName: 'Task',
    resourceType: String(TASK_RESOURCE_TYPE)
  });
  if (resourceId) {
    query.set('resourceId', resourceId);
  }
  try {
    const response = await fetch(`${appRoot}/api/engine/engine/default/authorization/check?${query}`, {
      credentials: 'same-origin',
      headers: {Accept: 'application/json'}
    });
    return response.ok && (await response.json()).authorized === true;
  } catch (unreachable) {
    return false;
  }
}

function hashParameters() {
  const hash = window.location.hash || '';
  return new URLSearchParams(hash.indexOf('?') >= 0 ? hash.substring(hash.indexOf('?') + 1) : '');
}

function selectedTaskId() {
  return hashParameters().get('task');
}

const filterSortings = new Map();
const adjusted = new Set();
const DEFAULT_SORTING = [{sortBy: 'created', sortOrder: 'desc'}];

function isDefaultSorting(value) {
  if (value === null) {
    return true;
  }
  try {
    const sorting = JSON.parse(value);
    return Array.isArray(sorting) && sorting.length === 1 && sorting[0].sortBy === DEFAULT_SORTING[0].sortBy
      && sorting[0].sortOrder === DEFAULT_SORTING[0].sortOrder;
  } catch (notJson) {
    return false;
  }
}
async function applyFilterSorting() {
  const parameters = hashParameters();
  const filterId = parameters.get('filter');
  if (!filterId || adjusted.has(filterId) || !isDefaultSorting(parameters.get('sorting'))) {
    return;
  }
  if (!filterSortings.has(filterId)) {
    try {
      const response = await fetch(`${appRoot}/api/engine/engine/default/filter/${encodeURIComponent(filterId)}`, {
        credentials: 'same-origin',
        headers: {Accept: 'application/json'}
      });
      const filter = response.ok ? await response.json() : null;
      filterSortings.set(filterId, filter && filter.query && filter.query.sorting || null);
    } catch (unreachable) {
      return;
    }
  }
  const sorting = filterSortings.get(filterId);
  const now = hashParameters();
  if (sorting && sorting.length && now.get('filter') === filterId && isDefaultSorting(now.get('sorting'))) {
    adjusted.add(filterId);
    now.set('sorting', JSON.stringify(sorting.map(({sortBy, sortOrder}) => ({sortBy, sortOrder}))));
    const hash = window.location.hash;
    const path = hash.indexOf('?') >= 0 ? hash.substring(0, hash.indexOf('?')) : (hash || '#/');
    window.location.replace(`${path}?${now.toString()}`);
  }
}

function mark(name, allowed) {
  document.documentElement.classList.toggle(name, allowed);
}

let checking = 0;
async function checkPermissions() {
  const round = ++checking;
  const taskId = selectedTaskId();
  const [create, update, assign, work, updateAny] = await Promise.all([
    authorized('CREATE'),
    taskId ? authorized('UPDATE', taskId) : Promise.resolve(false),
    taskId ? authorized('TASK_ASSIGN', taskId) : Promise.resolve(false),
    taskId ? authorized('TASK_WORK', taskId) : Promise.resolve(false),
    taskId ? Promise.resolve(false) : authorized('UPDATE', '*')
  ]);
  if (round !== checking) {
    return; // another task was selected meanwhile
  }
  mark('mesa-may-create-task', create);
  mark('mesa-may-update-task', update || updateAny);
  mark('mesa-may-assign-task', assign || update || updateAny);
  mark('mesa-may-work-task', work || update || updateAny);
}

window.addEventListener('hashchange', () => {
  checkPermissions();
  applyFilterSorting();
});
checkPermissions();
applyFilterSorting();

// --- the number of what she just filed -------------------------------------------------------------------------
// 4. Tasklist says only "El proceso se inició." after a start. The engine gives every case its number in the start's
//    own transaction (BusinessKeys), and the start's answer carries it as the business key: the requester reads it
//    here, where she filed, with the way to her "Mis solicitudes", and the notice stays until she closes it.

const START_PATH = /\/process-definition\/[^/]+\/submit-form$|\/process-definition\/key\/[^/]+\/submit-form$/;

function showNumber(number) {
  let notice = document.querySelector('.mesa-started-notice');
  if (!notice) {
    notice = document.createElement('div');
    notice.className = 'mesa-started-notice';
    notice.setAttribute('role', 'status');
    notice.setAttribute('aria-live', 'polite');
    document.body.appendChild(notice);
  }
  notice.replaceChildren();
  const text = document.createElement('p');
  text.append('Su solicitud quedó registrada con el número ');
  const strong = document.createElement('strong');
  strong.className = 'mesa-started-number';
  strong.textContent = number;
  text.append(strong, '. Use este número para consultarla.');
  const link = document.createElement('a');
  link.href = `/portal/solicitudes/${encodeURIComponent(number)}`;
  link.textContent = 'Ver en «Mis solicitudes»';
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.setAttribute('aria-label', 'Cerrar el aviso');
  close.textContent = '×';
  close.addEventListener('click', () => notice.remove());
  notice.append(close, text, link);
}

const originalOpen = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function open(method, url, ...rest) {
  if (String(method).toUpperCase() === 'POST' && START_PATH.test(String(url).split('?')[0])) {
    this.addEventListener('load', () => {
      if (this.status !== 200) {
        return;
      }
      try {
        const started = JSON.parse(this.responseText);
        if (started && started.businessKey) {
          showNumber(started.businessKey);
        }
      } catch (notJson) {
        // nothing to show
      }
    });
  }
  return originalOpen.call(this, method, url, ...rest);
};
