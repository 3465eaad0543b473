import { parseArgs } from 'node:util'
import { loadConfig } from '@crosswise/config'
import {
  createKlaviyoClients,
  defaultRecommendationMetric,
  KlaviyoError,
  setupRecommendationFlow,
  type FlowSetupResult,
  templateLayouts,
} from '@crosswise/klaviyo'
import { storeIdSchema } from '@crosswise/domain'
import { UsageError, type Command } from '../command.ts'
import { loadStoreKlaviyoAccount, StoreKlaviyoAccountError } from '../klaviyo/store-klaviyo-account.ts'

const usage =
  'crosswise klaviyo setup [--layout per-email|single-product|product-grid] [--metric NAME] [--subject TEXT] ' +
  '[--preview-text TEXT] [--from-email ADDRESS] [--from-label NAME] [--template-only] ' +
  '[--api-key KEY | --store ID [--database-url URL]] [--base-url URL]'

const options = {
  layout: { type: 'string', default: 'per-email' },
  metric: { type: 'string' },
  // An experiment variant's own subject line wins; every other email gets the default.
  subject: {
    type: 'string',
    default: '{% if event.subject %}{{ event.subject }}{% else %}Goes well with your {{ event.trigger_product.title }}{% endif %}',
  },
  'preview-text': { type: 'string' },
  'from-email': { type: 'string' },
  'from-label': { type: 'string' },
  'template-only': { type: 'boolean', default: false },
  'api-key': { type: 'string' },
  store: { type: 'string' },
  'database-url': { type: 'string' },
  'base-url': { type: 'string' },
} as const

/** The account to set up: `--api-key`, the store's own key (`--store`), or `KLAVIYO_API_KEY`. */
async function chooseAccount(values: {
  'api-key'?: string
  store?: string
  'database-url'?: string
}): Promise<{ apiKey: string; metricName?: string; label: string }> {
  if (values.store === undefined) {
    const apiKey = values['api-key'] ?? loadConfig().KLAVIYO_API_KEY
    if (!apiKey)
      throw new UsageError(
        "no API key: set KLAVIYO_API_KEY, pass --api-key, or pass --store ID for a store's own key (a private key with templates, flows and metrics scopes)",
      )
    return { apiKey, label: values['api-key'] ? 'the key from --api-key' : 'KLAVIYO_API_KEY' }
  }
  if (values['api-key'] !== undefined) throw new UsageError('pass --api-key or --store, not both')
  const store = storeIdSchema.safeParse(values.store)
  if (!store.success) throw new UsageError('--store must be a store id: lower-case letters, digits and dashes')
  const config = loadConfig()
  const databaseUrl = values['database-url'] ?? config.DATABASE_URL
  if (!databaseUrl) throw new UsageError("--store reads the store's key from PostgreSQL: set DATABASE_URL or pass --database-url")
  const account = await loadStoreKlaviyoAccount(
    databaseUrl,
    config.CROSSWISE_PAYLOAD_KEY,
    store.data,
    config.CROSSWISE_PREVIOUS_PAYLOAD_KEYS,
  )
  return { ...account, label: `the key of store '${store.data}' (ending ${account.apiKey.slice(-4)})` }
}

const smartSending =
  'Smart Sending is OFF in this flow on purpose: Klaviyo skips (never postpones) an email to anyone who got one ' +
  'in the last 16 hours, and Crosswise already decides timing and frequency per customer, so a skip would only ' +
  'drop a recommendation the journey has recorded as sent. Turn it on only if you accept such skips.'

/** The steps that remain for a person in Klaviyo's web app after the API has done its part. */
function manualSteps(result: FlowSetupResult, metric: string, templateName: string, subject: string): string[] {
  if (result.flowId) {
    return [
      `Open Flows → "Crosswise cross-sell" (id ${result.flowId}); it was created as a draft.`,
      'Check the email: sender, subject, and a preview with a recent "' + metric + '" event.',
      'Set the email and then the flow to Live. Add no time delay and no trigger filters: Crosswise has ' +
        'already waited for fulfilment and the send window when it records the event.',
    ]
  }
  const metricStep = result.metricId
    ? `Trigger: Metric → "${metric}". No trigger filters, no flow filters.`
    : `Trigger: Metric → "${metric}". The metric appears after Crosswise records its first recommendation; ` +
      'until then Klaviyo cannot offer it (re-run this command afterwards to create the flow by API instead).'
  return [
    'In Klaviyo: Flows → Create flow → Build your own; name it "Crosswise cross-sell".',
    metricStep,
    'Add an Email action directly after the trigger (no time delay: Crosswise has already timed the send).',
    `In the email: Change template → Saved templates → "${templateName}" (id ${result.templateId}); subject "${subject}".`,
    'In the email settings: switch Smart Sending OFF (see below); keep UTM tracking on.',
    'Set the email to Live, then the flow to Live.',
  ]
}

/** `crosswise klaviyo setup`: creates the email template and the metric-triggered flow in Klaviyo. */
export const klaviyoSetupCommand: Command = {
  name: 'klaviyo',
  summary: 'Set up Klaviyo for Crosswise: `klaviyo setup` creates the email template and the flow',
  usage,
  options: [
    'setup                    creates the email template and the metric-triggered flow in the Klaviyo account',
    '--layout NAME            per-email (default: each email as its experiment variant lays it out), product-grid or single-product',
    '--metric NAME            the metric that triggers the flow (default Crosswise Recommendation)',
    '--subject TEXT           the email subject; --preview-text TEXT its preview line',
    '--from-email ADDRESS     sender address; --from-label NAME sender name',
    '--template-only          create the template, not the flow',
    "--api-key KEY            the Klaviyo private key (default KLAVIYO_API_KEY), or --store ID for a store's own key",
    "--base-url URL           Klaviyo's origin (a fake Klaviyo for demos)",
  ],
  async run(args) {
    const [subcommand, ...rest] = args
    if (subcommand !== 'setup') throw new UsageError(subcommand ? `unknown subcommand '${subcommand}'` : 'missing subcommand')
    let values
    try {
      values = parseArgs({ args: rest, options, strict: true, allowPositionals: false }).values
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
    const layout = templateLayouts.find((known) => known === values.layout)
    if (!layout) throw new UsageError(`--layout must be ${templateLayouts.join(', ')}; not '${values.layout}'`)
    let account
    try {
      account = await chooseAccount(values)
    } catch (error) {
      if (!(error instanceof StoreKlaviyoAccountError)) throw error
      process.stderr.write(`crosswise klaviyo setup: ${error.message}\n`)
      return 1
    }
    // The flow must trigger on the metric the worker records for this account: the store's own name if it set one.
    const metric = values.metric ?? account.metricName ?? defaultRecommendationMetric

    const templateName = `Crosswise recommendation (${layout})`
    const clients = createKlaviyoClients({
      apiKey: account.apiKey,
      ...(values['base-url'] ? { basePath: values['base-url'] } : {}),
      timeoutMs: 15_000,
    })
    let result: FlowSetupResult
    try {
      result = await setupRecommendationFlow(clients, {
        layout,
        metricName: metric,
        templateName,
        flowName: 'Crosswise cross-sell',
        subject: values.subject,
        ...(values['preview-text'] ? { previewText: values['preview-text'] } : {}),
        ...(values['from-email'] ? { fromEmail: values['from-email'] } : {}),
        ...(values['from-label'] ? { fromLabel: values['from-label'] } : {}),
        createFlow: !values['template-only'],
      })
    } catch (error) {
      if (!(error instanceof KlaviyoError)) throw error
      process.stderr.write(`crosswise klaviyo setup: ${error.message}\n`)
      return 1
    }

    const lines = [
      `Klaviyo account: ${account.label}`,
      `Template "${templateName}" created: ${result.templateId}`,
      result.metricId ? `Metric "${metric}": ${result.metricId}` : `Metric "${metric}": not in this account yet`,
      result.flowId ? `Flow "Crosswise cross-sell" created as a draft: ${result.flowId}` : 'Flow: not created by API',
      '',
      'Remaining steps in Klaviyo:',
      ...manualSteps(result, metric, templateName, values.subject).map((step, i) => `  ${i + 1}. ${step}`),
      '',
      smartSending,
    ]
    process.stdout.write(`${lines.join('\n')}\n`)
    return 0
  },
}
