// What workflow code may import from the domain: plain functions with no schemas. Workflow modules are
// evaluated afresh for every workflow run, so importing the package's index (which builds every zod
// schema) would cost each journey that work again.
export { eventKey, sendKey } from './ids.ts'
export { nextSendTime } from './send-window.ts'
