import { describe, expect, it } from 'vitest'
import { recommendationFlowBody, recommendationTemplateHtml, templateLayouts } from './flow-setup.ts'

describe('recommendationTemplateHtml', () => {
  it.each(templateLayouts)('inlines the products and the discount block into the %s layout', (layout) => {
    const html = recommendationTemplateHtml(layout)
    expect(html).not.toContain('<!-- crosswise:')
    expect(html).toContain('{% if event.discount_code %}')
    expect(html).toContain('{{ event.trigger_product.title }}')
    expect(html).toContain('{% unsubscribe')
  })

  it('shows the first recommendation in the single layout and all of them in the grid', () => {
    expect(recommendationTemplateHtml('single-product')).toContain('{{ event.recommended_products.0.title }}')
    expect(recommendationTemplateHtml('product-grid')).toContain('{% for product in event.recommended_products %}')
    expect(recommendationTemplateHtml('single-product')).not.toContain('{% for product in event.recommended_products %}')
  })

  it("renders each email's own layout in the per-email template: a grid when the event says so, else the pick alone", () => {
    const html = recommendationTemplateHtml('per-email')
    const grid = html.indexOf('{% for product in event.recommended_products %}')
    const single = html.indexOf('{{ event.recommended_products.0.title }}')
    expect(html.indexOf("{% if event.layout == 'grid' %}")).toBeLessThan(grid)
    expect(grid).toBeLessThan(html.indexOf('{% else %}'))
    expect(html.indexOf('{% else %}')).toBeLessThan(single)
    expect(single).toBeLessThan(html.lastIndexOf('{% endif %}'))
  })
})

describe('recommendationFlowBody', () => {
  const request = {
    layout: 'product-grid' as const,
    metricName: 'Crosswise Recommendation',
    templateName: 'Crosswise recommendation',
    flowName: 'Crosswise cross-sell',
    subject: 'Hi',
    createFlow: true,
  }

  it('triggers on our metric and starts with one draft email with Smart Sending off', () => {
    const definition = recommendationFlowBody(request, 'M1', 'T1').data.attributes.definition
    expect(definition.triggers).toEqual([{ type: 'metric', id: 'M1' }])
    expect(definition.entryActionId).toBe('crosswise-email')
    expect(definition.actions).toEqual([
      expect.objectContaining({
        temporaryId: 'crosswise-email',
        type: 'send-email',
        data: expect.objectContaining({
          status: 'draft',
          message: expect.objectContaining({ templateId: 'T1', smartSendingEnabled: false, subjectLine: 'Hi' }),
        }),
      }),
    ])
  })
})
