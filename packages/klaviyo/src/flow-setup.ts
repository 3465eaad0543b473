import { readFileSync } from 'node:fs'
import { type FlowCreateQuery, FlowEnum, TemplateEnum } from 'klaviyo-api'
import type { KlaviyoClients } from './klaviyo-clients.ts'
import { nextPageCursor } from './pagination.ts'

/**
 * The email layouts `crosswise klaviyo setup` can create from `packages/klaviyo/templates/`: the pick
 * alone, a grid of every product, or each email's own (`event.layout`, which experiments vary).
 */
export const templateLayouts = ['per-email', 'single-product', 'product-grid'] as const
export type TemplateLayout = (typeof templateLayouts)[number]

const productsMarker = '<!-- crosswise:products -->'
const discountMarker = '<!-- crosswise:discount-code -->'

/**
 * The HTML of a layout: the committed shell with its products block and the discount-code block put
 * in. Klaviyo's API has no partials, so each block is committed once and inlined here.
 */
export function recommendationTemplateHtml(layout: TemplateLayout): string {
  const read = (name: string): string => readFileSync(new URL(`../templates/${name}.html`, import.meta.url), 'utf8')
  const products = {
    'single-product': () => read('products-single'),
    'product-grid': () => read('products-grid'),
    'per-email': () => `{% if event.layout == 'grid' %}\n${read('products-grid')}{% else %}\n${read('products-single')}{% endif %}\n`,
  }[layout]()
  return read('email').replace(productsMarker, products.trimStart()).replace(discountMarker, read('discount-code').trim())
}

/** What `crosswise klaviyo setup` asks for. */
export interface FlowSetupRequest {
  layout: TemplateLayout
  metricName: string
  templateName: string
  flowName: string
  subject: string
  previewText?: string
  fromEmail?: string
  fromLabel?: string
  /** Create the flow too (Flows API, revision 2026-07-15), not only the template. */
  createFlow: boolean
}

/** What the setup did in Klaviyo; `flowId` is absent when the flow could not be created by API. */
export interface FlowSetupResult {
  templateId: string
  metricId?: string
  flowId?: string
}

/** The flow: triggered by our metric, one email with Smart Sending off, created as a draft. */
export function recommendationFlowBody(request: FlowSetupRequest, metricId: string, templateId: string): FlowCreateQuery {
  const emailAction = 'crosswise-email'
  return {
    data: {
      type: FlowEnum.Flow,
      attributes: {
        name: request.flowName,
        definition: {
          triggers: [{ type: 'metric', id: metricId }],
          profileFilter: null,
          actions: [
            {
              temporaryId: emailAction,
              type: 'send-email',
              links: { next: null },
              data: {
                status: 'draft',
                message: {
                  name: request.templateName,
                  subjectLine: request.subject,
                  ...(request.previewText ? { previewText: request.previewText } : {}),
                  ...(request.fromEmail ? { fromEmail: request.fromEmail } : {}),
                  ...(request.fromLabel ? { fromLabel: request.fromLabel } : {}),
                  templateId,
                  // Smart Sending skips (never delays) an email to anyone mailed in the last 16 h; the
                  // journey already caps frequency, so a skip would only lose a paid-for decision.
                  smartSendingEnabled: false,
                  transactional: false,
                  addTrackingParams: true,
                },
              },
            },
          ],
          entryActionId: emailAction,
        },
      },
    },
  }
}

/**
 * The id of the custom metric called `name`. Metrics cannot be filtered by name, so this pages through
 * the account's metrics. A custom metric exists only after its first event.
 */
export async function findMetricId(clients: KlaviyoClients, name: string): Promise<string | undefined> {
  let cursor: string | undefined
  for (let page = 0; page < 50; page += 1) {
    const { body } = await clients.metrics.getMetrics({ fieldsMetric: ['name'], ...(cursor ? { pageCursor: cursor } : {}) })
    const found = body.data.find((metric) => metric.attributes.name === name)
    if (found) return found.id
    cursor = nextPageCursor(body.links)
    if (!cursor) return undefined
  }
  return undefined
}

/** Creates the email template and, when asked and the metric exists, the metric-triggered flow. */
export async function setupRecommendationFlow(clients: KlaviyoClients, request: FlowSetupRequest): Promise<FlowSetupResult> {
  const { body: template } = await clients.templates.createTemplate({
    data: {
      type: TemplateEnum.Template,
      attributes: { name: request.templateName, editorType: 'CODE', html: recommendationTemplateHtml(request.layout) },
    },
  })
  const templateId = template.data.id
  const metricId = await findMetricId(clients, request.metricName)
  if (!request.createFlow || !metricId) return { templateId, ...(metricId ? { metricId } : {}) }
  const { body: flow } = await clients.flows.createFlow(recommendationFlowBody(request, metricId, templateId))
  return { templateId, metricId, flowId: flow.data.id }
}
