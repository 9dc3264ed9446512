// Browser test (issue 16): one support ticket played through every role in Tasklist, Cockpit and Admin, in a real
// browser (Debian's chromium driven by playwright-core; nothing downloads a browser). It fails when a screen shows
// English chrome or an untranslated key, a code where a person expects a word, or a task of the ticket that nobody
// can get (assigned to an unknown user, or to no one and no group).
//
//   MESA_URL=http://localhost:8080 MESA_DEMO_PASSWORD=... MESA_ADMIN_PASSWORD=... node ticket-through-roles.js
//
// The application must run with the demo profile (its users). Screenshots go to E2E_SHOTS (default target/e2e).
// The browser asks for English on purpose: Spanish must be what everybody gets, whatever the browser's language.

const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const BASE = (process.env.MESA_URL || 'http://localhost:8080').replace(/\/$/, '');
const DEMO_PASSWORD = required('MESA_DEMO_PASSWORD');
const ADMIN_PASSWORD = required('MESA_ADMIN_PASSWORD');
const SHOTS = process.env.E2E_SHOTS || path.join(__dirname, '..', '..', '..', 'target', 'e2e');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const FORMS = path.join(__dirname, '..', '..', '..', 'forms');
const TIMEOUT = Number(process.env.E2E_TIMEOUT || 60000);

// English words of Camunda's chrome and of form-js that never belong in a Spanish screen
const ENGLISH = /\b(Claim|Unclaim|Complete|Start process|Create task|Set due date|Set follow-up date|Add groups|Filters?|Tasks|Process Definitions|Decisions|Deployments|Dashboard|Authorizations|Users|Groups|Tenants|Log ?out|My profile|Loading|Select|Search|Field is required|Field must|Value is not|a few seconds|minutes? ago|hours? ago|days? ago|in \d+ (minutes|hours|days)|Welcome|Sort by|Created|Due|Follow-up|Assignee|Priority|Keyboard Shortcuts|migrate to Camunda 8)\b/;
// a translation key shown as such (angular-translate shows the key when a locale lacks it)
const RAW_KEY = /\b[A-Z][A-Z0-9]{2,}(_[A-Z0-9]+){1,}\b/;

function required(name) {
  if (!process.env[name]) {
    console.error(`${name} is not set`);
    process.exit(2);
  }
  return process.env[name];
}

/** Option values of our forms that are codes: never shown to a person (a value that is also a word of a label is not). */
function formCodes() {
  const values = new Set();
  let wording = '';
  const visit = (components) => (components || []).forEach((component) => {
    (component.values || []).forEach((option) => {
      values.add(String(option.value));
      wording += ` ${option.label}`;
    });
    wording += ` ${component.label || ''} ${component.text || ''}`;
    visit(component.components);
  });
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).forEach((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      walk(file);
    } else if (entry.name.endsWith('.form')) {
      visit(JSON.parse(fs.readFileSync(file, 'utf8')).components);
    }
  });
  walk(FORMS);
  const words = new Set(wording.toLowerCase().split(/[^a-záéíóúñü_]+/));
  return [...values].filter((value) => /^[a-z]{3,}(_[a-z]+)*$/.test(value) && !words.has(value));
}
const CODES = formCodes();
const CODE = new RegExp(`(^|[^\\w-])(${CODES.join('|')})(?![\\w-])`);

let shot = 0;
const problems = [];
let current = null; // the page in use, for a screenshot when a step fails

async function check(page, where) {
  await page.waitForTimeout(400);
  const text = await page.evaluate(() => document.body.innerText);
  for (const [kind, pattern] of [['English', ENGLISH], ['untranslated key', RAW_KEY], ['code', CODE]]) {
    const match = text.match(pattern);
    if (match) {
      const at = text.indexOf(match[0]);
      problems.push(`${where}: ${kind} "${match[0].trim()}" in "…${text.substring(at - 60, at + 60).replace(/\s+/g, ' ')}…"`);
    }
  }
  const banner = await page.locator('.ce-eol-banner').first();
  if (await banner.count() && await banner.isVisible()) {
    problems.push(`${where}: the Camunda 8 migration banner is visible`);
  }
}

async function screenshot(page, name) {
  shot += 1;
  const file = path.join(SHOTS, `${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

async function rest(pathAndQuery) {
  const response = await fetch(`${BASE}/engine-rest${pathAndQuery}`, {
    headers: {
      Authorization: 'Basic ' + Buffer.from(`admin:${ADMIN_PASSWORD}`).toString('base64'),
      Accept: 'application/json'
    }
  });
  return { status: response.status, body: response.status === 200 ? await response.json() : null };
}

/** Every open task of the ticket can be reached: its assignee exists, or it has a candidate group or user. */
async function checkNobodyIsOrphaned(ticket, where) {
  const tasks = (await rest(`/task?processInstanceBusinessKey=${encodeURIComponent(ticket)}`)).body || [];
  for (const task of tasks) {
    if (task.assignee) {
      const user = await rest(`/user/${encodeURIComponent(task.assignee)}/profile`);
      if (user.status !== 200) {
        problems.push(`${where}: "${task.name}" is assigned to ${task.assignee}, who is not a user`);
      }
    } else {
      const links = (await rest(`/task/${task.id}/identity-links?type=candidate`)).body || [];
      if (links.length === 0) {
        problems.push(`${where}: "${task.name}" is assigned to nobody and offered to no group`);
      }
    }
  }
  return tasks;
}

async function waitForTask(ticket, definitionKey) {
  for (let i = 0; i < 60; i++) {
    const tasks = (await rest(`/task?processInstanceBusinessKey=${encodeURIComponent(ticket)}`
        + `&taskDefinitionKey=${definitionKey}`)).body || [];
    if (tasks.length) {
      return tasks[0];
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`${ticket}: no task ${definitionKey} after 60 s`);
}

async function login(browser, user, app) {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 950 }, locale: 'en-US', timezoneId: 'America/Guatemala'
  });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  current = page;
  const errors = [];
  page.on('pageerror', (error) => errors.push(`${user} ${app}: script error ${error.message}`));
  // a loaded machine (CI) may exceed RequireJS' 7 s for Camunda's plugin modules on the first load: reload then
  for (let attempt = 1; ; attempt++) {
    errors.length = 0;
    if (attempt === 1) {
      await page.goto(`${BASE}/camunda/app/${app}/default/#/login`);
    } else {
      await page.reload();
    }
    try {
      await page.locator('input[type="password"]').waitFor();
      break;
    } catch (notYet) {
      if (attempt === 3) {
        throw new Error(`${app}: no login form after 3 loads: ${errors.join('; ')}`);
      }
    }
  }
  page.on('pageerror', (error) => problems.push(`${user} ${app}: script error ${error.message}`));
  await check(page, `${app} login`);
  await page.locator('input[type="text"]').first().fill(user);
  await page.locator('input[type="password"]').fill(user === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.locator('[cam-widget-header] .account, [cam-widget-header] .user-name, .navbar .account')
      .first().waitFor().catch(() => page.waitForTimeout(3000));
  await page.waitForTimeout(1500);
  return page;
}

async function openFilter(page, name) {
  // the filter's link also holds its task counter (hidden unless the filter is open): match the name at its start
  await page.locator('.task-filters .task-filter .name a').filter({ hasText: new RegExp(`^\\s*${name}(\\s|$)`) })
      .first().click({ timeout: 2 * TIMEOUT });
  await page.waitForTimeout(1000);
}

async function openTask(page, filter, ticket, taskName) {
  await openFilter(page, filter);
  const item = page.locator('.tasks-list .task').filter({ hasText: ticket }).filter({ hasText: taskName }).first();
  await item.waitFor();
  await item.locator('a').first().click();
  await page.locator('.task-card').waitFor();
  await page.waitForTimeout(1500);
  return item;
}

async function claim(page) {
  await page.getByRole('button', { name: 'Tomar', exact: true }).click();
  await page.waitForTimeout(1500);
}

async function complete(page, where) {
  await page.getByRole('button', { name: 'Completar', exact: true }).click();
  // Tasklist says so briefly, then shows no task selected
  await page.getByText('La tarea está completada.').or(page.getByText('Seleccione una tarea de la lista.')).first()
      .waitFor()
      .catch(async () => {
        await screenshot(page, `${where}-not-completed`);
        throw new Error(`${where}: the task was not completed`);
      });
  await page.waitForTimeout(1000);
}

/** A form-js select: opens it and picks the option with this label. */
async function choose(page, label, option) {
  const field = page.locator('.fjs-form-field-select, .fjs-form-field').filter({ hasText: label }).last();
  await field.locator('.fjs-select-display, .fjs-input-group, input:not(.fjs-select-hidden-input)').first().click();
  await page.locator('.fjs-dropdownlist-item').filter({ hasText: option }).first().click();
}

/** Fills a field only when the form asks for it and it is empty (other parts may fill it from the profile). */
async function fillIfAsked(page, label, value) {
  const input = page.getByLabel(label, { exact: false }).first();
  if (await input.count() && await input.isVisible() && await input.isEditable() && !(await input.inputValue())) {
    await input.fill(value);
  }
}

/** The desk's technician: a choice among the people the engine offers, never a name typed in. */
async function chooseTechnician(page, name) {
  const field = page.locator('.fjs-form-field').filter({ hasText: 'Técnico asignado' }).first();
  if (!(await field.locator('.fjs-select-display, .fjs-input-group').count())) {
    problems.push('desk: the technician is typed, not chosen among the offered people');
    return;
  }
  await choose(page, 'Técnico asignado', name);
}

async function main() {
  fs.mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', '--disable-quic']
  });
  try {
    // 1. the requester files a ticket
    let page = await login(browser, 'ana.solicitante', 'tasklist');
    await check(page, 'requester: Tasklist');
    if (await page.locator('.create-task-action').isVisible()) {
      problems.push('requester: "Crear tarea" is offered to a requester');
    }
    await screenshot(page, 'requester-tasklist');
    await page.getByText('Iniciar proceso').first().click();
    await page.getByText('Solicitud de soporte técnico').first().click();
    await page.locator('.fjs-container').waitFor();
    await page.getByRole('button', { name: 'Iniciar', exact: true }).click();
    await page.getByText('Este campo es obligatorio.').first().waitFor();
    await check(page, 'requester: start form with errors');
    await screenshot(page, 'requester-start-form-required');
    // what the application knows is not asked: her name and e-mail come from her profile
    for (const known of ['Nombre del solicitante', 'Correo electrónico de contacto']) {
      const input = page.getByLabel(known, { exact: false }).first();
      if (await input.count() && await input.isEditable()) {
        problems.push(`requester: the start form asks her "${known}", which her profile gives`);
      }
    }
    const department = page.locator('.fjs-form-field').filter({ hasText: 'Departamento' });
    if (await department.count() && await department.first().isVisible()
        && await department.first().getByText('Seleccione').count()) {
      await choose(page, 'Departamento', 'Operaciones');
    }
    const web = page.getByLabel('Formulario web');
    if (await web.count() && await web.isVisible() && await web.isEnabled()) {
      await web.check();
    }
    await choose(page, 'Tipo de solicitud', 'Soporte a equipos de cómputo');
    await fillIfAsked(page, 'Código de inventario', 'INV-0042');
    await page.getByLabel('Descripción del problema', { exact: false }).fill('La computadora no enciende desde esta mañana');
    await choose(page, 'Impacto', 'Medio');
    await choose(page, 'Urgencia', 'Media');
    await check(page, 'requester: start form filled');
    await screenshot(page, 'requester-start-form');
    await page.getByRole('button', { name: 'Iniciar', exact: true }).click();
    await page.getByText('El proceso se inició.').first().waitFor();
    await check(page, 'requester: started');
    const started = (await rest('/history/process-instance?processDefinitionKey=support-request'
        + '&startedBy=ana.solicitante&sortBy=startTime&sortOrder=desc&maxResults=1')).body[0];
    const ticket = started.businessKey;
    console.log(`ticket ${ticket}`);
    // she reads her number where she filed it, not only in the e-mail
    const notice = page.locator('.mesa-started-notice');
    await notice.waitFor();
    if (!(await notice.innerText()).includes(ticket)) {
      problems.push(`requester: the notice after starting does not give the number ${ticket}: ${await notice.innerText()}`);
    }
    await screenshot(page, 'requester-number-after-filing');
    await page.context().close();

    // 2. the desk finds it among the unassigned tickets, claims it and assigns the technician
    await waitForTask(ticket, 'Task_ReviewAndAssign');
    await checkNobodyIsOrphaned(ticket, 'after filing');
    page = await login(browser, 'marta.mesa', 'tasklist');
    const row = await openTask(page, 'Sin asignar', ticket, 'Revisar y asignar técnico');
    const rowText = await row.innerText();
    for (const expected of ['Ticket', ticket, 'Solicitante', 'Prioridad', 'Media']) {
      if (!rowText.includes(expected)) {
        problems.push(`desk: the task list row lacks "${expected}": ${rowText.replace(/\s+/g, ' ')}`);
      }
    }
    if (!/hace |en \d+|en unos|en un/.test(rowText)) {
      problems.push(`desk: the task list row has no Spanish relative date: ${rowText.replace(/\s+/g, ' ')}`);
    }
    await check(page, 'desk: review task');
    await screenshot(page, 'desk-unassigned-review');
    await claim(page);
    await chooseTechnician(page, 'Tomás Técnico');
    await choose(page, 'Nivel de soporte', 'Primer nivel');
    await page.getByLabel('Sí, el técnico', { exact: false }).check();
    await check(page, 'desk: review filled');
    await screenshot(page, 'desk-review-filled');
    await complete(page, 'desk-review');
    await page.context().close();

    // 3. quality looks at the open case: it reads, it cannot claim
    const startTask = await waitForTask(ticket, 'Task_StartAttention');
    await checkNobodyIsOrphaned(ticket, 'after the review');
    page = await login(browser, 'carla.calidad', 'tasklist');
    await openTask(page, 'Consulta: casos abiertos', ticket, 'Iniciar atención');
    await check(page, 'quality: read-only view');
    if (await page.getByRole('button', { name: 'Tomar', exact: true }).count()) {
      problems.push('quality: offered to claim a task it may only read');
    }
    await screenshot(page, 'quality-read-only');
    await page.context().close();

    // 4. the technician starts and attends
    page = await login(browser, 'tomas.tecnico', 'tasklist');
    await openTask(page, 'Mis tareas', ticket, 'Iniciar atención');
    await check(page, 'technician: start attention');
    await page.getByLabel('Por teléfono').check();
    await screenshot(page, 'technician-start-attention');
    await complete(page, 'technician-start');
    await waitForTask(ticket, 'Task_AttendRequest');
    await checkNobodyIsOrphaned(ticket, 'after starting attention');
    await page.reload();
    await page.waitForTimeout(1500);
    await openTask(page, 'Mis tareas', ticket, 'Atender solicitud');
    await page.getByLabel('Remota', { exact: false }).check();
    await page.getByLabel('Trabajo realizado').fill('Se reemplazó el cable de poder; el equipo enciende.');
    await page.getByLabel('Resuelta definitivamente').check();
    await check(page, 'technician: attend');
    await screenshot(page, 'technician-attend');
    await complete(page, 'technician-attend');
    await page.context().close();

    // 5. the desk closes
    await waitForTask(ticket, 'Task_CloseTicket');
    await checkNobodyIsOrphaned(ticket, 'after attention');
    page = await login(browser, 'marta.mesa', 'tasklist');
    await openTask(page, 'Todos los casos abiertos', ticket, 'Revisar y cerrar ticket');
    await claim(page);
    await page.getByLabel('Finalizar', { exact: false }).check();
    await check(page, 'desk: close');
    await screenshot(page, 'desk-close');
    await complete(page, 'desk-close');
    await page.context().close();

    // 6. the requester verifies and rates
    await waitForTask(ticket, 'Task_RateService');
    await checkNobodyIsOrphaned(ticket, 'after closing');
    page = await login(browser, 'ana.solicitante', 'tasklist');
    await openTask(page, 'Mis tareas', ticket, 'Verificar solución y calificar');
    await page.getByLabel('Sí, quedó resuelto').check();
    await page.getByLabel('Conforme', { exact: true }).check();
    await check(page, 'requester: rate');
    await screenshot(page, 'requester-rate');
    await complete(page, 'requester-rate');
    // her own page, with the same session: the ticket's timeline up to her rating
    await page.goto(`${BASE}/portal/solicitudes/${encodeURIComponent(ticket)}`);
    await page.locator('h1').first().waitFor();
    const detail = await page.evaluate(() => document.body.innerText);
    for (const expected of [ticket, 'Tomás']) {
      if (!detail.includes(expected)) {
        problems.push(`requester: "Mis solicitudes" shows no "${expected}" for her ticket`);
      }
    }
    await check(page, 'requester: Mis solicitudes, the ticket');
    await screenshot(page, 'requester-portal-ticket');
    await page.context().close();

    // 7. a head of department finds the approvals view; the director follows the case in Cockpit
    page = await login(browser, 'julia.jefa', 'tasklist');
    await openFilter(page, 'Esperan mi aprobación');
    await check(page, 'head: approvals');
    await screenshot(page, 'head-waiting-for-approval');
    await page.context().close();

    page = await login(browser, 'diego.director', 'cockpit');
    await check(page, 'director: Cockpit dashboard');
    await screenshot(page, 'director-cockpit-dashboard');
    await page.goto(`${BASE}/camunda/app/cockpit/default/#/processes`);
    await page.waitForTimeout(3000);
    await check(page, 'director: Cockpit processes');
    await screenshot(page, 'director-cockpit-processes');
    await page.context().close();

    // 8. the administrator's Admin
    page = await login(browser, 'admin', 'admin');
    await page.goto(`${BASE}/camunda/app/admin/default/#/users`);
    await page.waitForTimeout(2500);
    await check(page, 'admin: users');
    await screenshot(page, 'admin-users');
    await page.context().close();

    for (let i = 0; i < 30; i++) {
      const instance = (await rest(`/history/process-instance/${started.id}`)).body;
      if (instance && instance.state === 'COMPLETED') {
        break;
      }
      if (i === 29) {
        problems.push(`${ticket} did not end after the rating (state ${instance && instance.state})`);
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } catch (error) {
    if (current) {
      await screenshot(current, 'failed').then((file) => console.error(`screenshot: ${file}`)).catch(() => {});
    }
    throw error;
  } finally {
    await browser.close();
  }
  if (problems.length) {
    console.error(`FAILED: ${problems.length} problem(s)\n - ${problems.join('\n - ')}`);
    process.exit(1);
  }
  console.log(`OK: one ticket through every role, in Spanish (screenshots in ${SHOTS})`);
}

main().catch((error) => {
  console.error(error);
  if (problems.length) {
    console.error(` - ${problems.join('\n - ')}`);
  }
  process.exit(1);
});
